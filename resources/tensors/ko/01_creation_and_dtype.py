# title: 텐서 만들기와 dtype
# about: 리스트, 범위, 상수로 텐서를 만들고 각 텐서가 어떤 dtype을 갖는지, dtype을 어떻게 바꾸는지 봅니다.
import torch
# 파이썬 정수로 된 중첩 리스트는 int64(torch.long) 텐서가 됩니다. 세 개씩 두 행이므로 모양은 (2, 3)입니다.
a = torch.tensor([[1, 2, 3], [4, 5, 6]])
# 리스트에 실수가 하나만 있어도 텐서 전체가 PyTorch의 기본 실수형인 float32가 됩니다.
b = torch.tensor([1.5, 2, 3])
# dtype=으로 자료형을 직접 정합니다. 같은 정수를 float64로 저장합니다.
c = torch.tensor([1, 2, 3], dtype=torch.float64)
# arange(start, end, step)은 start부터 end 직전까지 셉니다. 0, 2, 4, 6이 int64로 나옵니다.
r = torch.arange(0, 8, 2)
# zeros와 ones는 각 차원의 크기를 받아 float32 텐서를 만듭니다. 여기서는 0으로 채운 2×3 텐서입니다.
z = torch.zeros(2, 3)
# full(크기, 값)은 한 값으로 모양을 채웁니다. 크기는 튜플로 주며 여기서는 (2, 2)입니다.
f = torch.full((2, 2), 0.5)
# eye(3)은 3×3 단위 행렬입니다. 대각선은 1, 나머지는 0입니다.
e = torch.eye(3)
# linspace(0, 1, 5)는 0부터 1까지 양 끝을 포함해 고르게 나눈 float32 값 5개를 만듭니다.
s = torch.linspace(0, 1, 5)
# zeros_like(a)는 a의 모양과 dtype을 함께 따릅니다. 모양 (2, 3)의 int64 0 텐서입니다.
k = torch.zeros_like(a)
# long()은 float32를 int64로 바꾸며 소수 부분을 버립니다(0 쪽으로 버림). 1.5는 1이 됩니다.
b.long()
# to(torch.float64)는 어떤 dtype으로든 바꿉니다. float()과 double()은 float32, float64로 바꾸는 줄임말입니다.
a.to(torch.float64)
# /는 참 나눗셈입니다. int64 텐서를 2로 나누면 반올림된 정수가 아니라 float32(0., 1., 2., 3.)가 나옵니다.
r / 2
