# title: permute 다음에 view가 실패하는 이유
# about: permute()와 transpose()는 스트라이드의 순서만 바꾸므로 결과가 연속이 아닙니다. reshape와 contiguous().view는 되지만 view만으로는 실패합니다.
import torch
# 수 24개를 (2, 3, 4) 모양으로 봅니다. 저장소는 행 순서로 읽힙니다.
x = torch.arange(24).view(2, 3, 4)
# 스트라이드 (12, 4, 1): 다음 블록은 12칸, 다음 행은 4칸, 다음 열은 1칸 떨어져 있습니다.
x.stride()
# permute(2, 0, 1)은 차원 2를 맨 앞으로 보냅니다. 모양은 (4, 2, 3)이 되고 데이터는 움직이지 않으며 p는 x와 메모리를 공유합니다.
p = x.permute(2, 0, 1)
# 스트라이드도 같은 순서로 바뀌어 (1, 12, 4)가 됩니다.
p.stride()
# p의 원소는 저장소에 행 순서로 놓여 있지 않으므로 p는 연속이 아닙니다.
p.is_contiguous()
# transpose(1, 2)는 두 차원만 맞바꿉니다. 모양 (2, 4, 3)이고 역시 같은 메모리의 뷰입니다.
t = x.transpose(1, 2)
# 스트라이드는 x의 스트라이드에서 1번과 2번 자리를 바꾼 (12, 1, 4)입니다.
t.stride()
# reshape(24)는 p를 이 모양의 뷰로 만들 수 없어서 복사합니다. r은 p의 순서대로 된 자기만의 저장소를 갖습니다.
r = p.reshape(24)
# 또 다른 해결책: contiguous()가 먼저 p를 행 순서로 복사하면 view(24)는 모양만 바꾸는 일이 됩니다.
c = p.contiguous().view(24)
# view는 절대 복사하지 않는데 p의 원소는 스트라이드 하나로 차례대로 걸어갈 수 없으므로, 이 줄은 RuntimeError로 실패합니다.
# 해결책은 위의 두 줄, p.reshape(24) 또는 p.contiguous().view(24)입니다.
p.view(24)
