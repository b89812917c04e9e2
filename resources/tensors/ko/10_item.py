# title: .item()과 0차원 텐서
# about: 손실은 0차원 텐서입니다. .item()은 원소가 하나인 텐서를 파이썬 수로 바꾸고, 그보다 큰 텐서는 거부합니다.
import torch
# 모양 (3,)인 예측값입니다.
pred = torch.tensor([1.5, 2.0, 2.5])
# 모양 (3,)인 정답입니다.
target = torch.tensor([1.0, 3.0, 2.0])
# 모든 원소의 평균은 0차원 텐서입니다. 수 하나지만 여전히 텐서입니다.
loss = ((pred - target) ** 2).mean()
# 0차원 텐서에는 차원이 전혀 없습니다. dim()은 0입니다.
loss.dim()
# 모양은 비어 있습니다: torch.Size([]).
loss.shape
# item()은 값을 파이썬 float 0.5로 돌려줍니다. 손실을 출력하거나 기록할 때 씁니다.
loss.item()
# 길이 1인 슬라이스의 모양은 (1,)입니다. 차원 하나, 원소 하나입니다.
one = pred[1:2]
# 모양 (1,)은 0차원이 아닙니다.
one.shape
# item()은 모양과 상관없이 원소가 정확히 하나인 텐서면 됩니다: 2.0.
one.item()
# 정수로 인덱싱하면 그 차원이 사라집니다. pred[0]은 0차원이므로 item()이 1.5를 줍니다.
pred[0].item()
# pred에는 원소가 3개 있으므로 실패합니다. item()에는 원소가 정확히 하나 있어야 합니다.
# 먼저 줄이거나(pred.sum().item(), pred.mean().item()) 원소 하나를 고르세요(위처럼 pred[0].item()).
pred.item()
