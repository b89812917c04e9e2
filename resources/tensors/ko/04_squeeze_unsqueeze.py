# title: squeeze, unsqueeze, flatten
# about: 값은 그대로 두고 크기 1인 차원을 더하거나 빼며, 여러 차원을 하나로 펼칩니다.
import torch
# 모양 (3,)인 1차원 텐서입니다.
x = torch.tensor([1.0, 2.0, 3.0])
# unsqueeze(0)은 맨 앞에 크기 1인 새 차원을 더합니다. 모양 (1, 3), 한 행입니다. x의 메모리를 보는 뷰입니다.
a = x.unsqueeze(0)
# unsqueeze(1)은 차원 0 뒤에 더합니다. 모양 (3, 1), 한 열입니다.
b = x.unsqueeze(1)
# 음수 차원은 끝에서부터 셉니다. unsqueeze(-1)은 마지막 차원을 더해 (3, 1)이 되며, 여기서는 unsqueeze(1)과 같습니다.
c = x.unsqueeze(-1)
# None으로 인덱싱해도 크기 1인 차원이 끼어듭니다. x[None, :, None]의 모양은 (1, 3, 1)입니다.
d = x[None, :, None]
# 차원을 주지 않은 squeeze()는 크기 1인 차원을 모두 없앱니다. 다시 모양 (3,)이 됩니다.
d.squeeze()
# squeeze(0)은 차원 0만 없앱니다. 모양 (3, 1)입니다.
d.squeeze(0)
# squeeze(1)은 오류 없이 아무것도 하지 않습니다. 차원 1의 크기가 1이 아니라 3이므로 모양은 (1, 3, 1) 그대로입니다.
d.squeeze(1)
# 펼쳐 볼 (2, 3, 2) 텐서입니다.
m = torch.arange(12).view(2, 3, 2)
# flatten()은 모든 차원을 하나로 합칩니다. 모양 (12,)입니다.
m.flatten()
# flatten(1, 2)는 차원 1부터 2까지만 합칩니다. nn.Linear 앞에서처럼 배치 차원 0은 남아 모양 (2, 6)이 됩니다.
m.flatten(1, 2)
