#!/usr/bin/env python3
"""Fills resources/translations/gradscope_ko.ts with the Korean texts below.

Workflow after changing UI strings:
    /usr/lib/qt6/bin/lupdate -no-obsolete -locations none ui src -ts resources/translations/gradscope_ko.ts
    python3 resources/translations/fill_ko.py      # reports any string still untranslated
(Qt Linguist can edit the .ts file as well; this table is the reviewed source of the Korean UI.)
"""
import os
import sys
import xml.etree.ElementTree as ET

KO = {
    # lab registry
    "Autograd": "자동 미분", "Perceptron": "퍼셉트론", "Activations": "활성화 함수",
    "Regression: no classes, no ROC (watch the loss)": "회귀: 클래스도 ROC도 없습니다 (손실을 보세요)",
    "Epoch %1 · test MSE %2": "에포크 %1 · 테스트 MSE %2",
    "Basics": "기초", "Neurons": "뉴런", "Training": "학습", "Networks": "신경망", "Evaluation": "평가", "Hardware": "하드웨어",
    # export
    'cannot write "%1"': '"%1"에 쓸 수 없습니다',
    'unknown file type "%1": use .png, .svg or .pdf': '알 수 없는 파일 형식 "%1": .png, .svg, .pdf를 사용하세요',
    'cannot write "%1": the folder does not exist or is not writable': '"%1"에 쓸 수 없습니다: 폴더가 없거나 쓰기 권한이 없습니다',
    # activations
    "Activation functions": "활성화 함수",
    "Show derivatives f′(x) (dashed)": "도함수 f′(x) 보기 (점선)",
    "Softmax of a vector": "벡터의 소프트맥스",
    "Logits z, separated by commas": "로짓 z (쉼표로 구분)",
    "Deep stack: gradient per layer": "깊은 신경망: 층별 기울기",
    "f(x) and f′(x)": "f(x)와 f′(x)",
    "class": "클래스", "probability": "확률",
    "layer (1 = input side)": "층 (1 = 입력 쪽)",
    "‖∂L/∂W‖": "‖∂L/∂W‖",
    "f(x) solid, f′(x) dashed": "f(x) 실선, f′(x) 점선",
    "Gradient reaching each layer": "각 층에 도달하는 기울기",
    "LeakyReLU negative_slope = %1": "LeakyReLU negative_slope = %1",
    "Temperature T = %1": "온도 T = %1",
    "“%1” (value %2) is not a number; showing the last valid vector.": "“%1”(%2번째 값)은 숫자가 아닙니다. 마지막으로 올바른 벡터를 보여 줍니다.",
    "At most 12 values, please (got %1).": "값은 최대 12개까지 입력하세요(현재 %1개).",
    "Type some logits, e.g. 2.0, 1.0, 0.1": "로짓을 입력하세요. 예: 2.0, 1.0, 0.1",
    "softmax(z / T), T = %1": "softmax(z / T), T = %1",
    "p = [%1]  (sum = 1)": "p = [%1]  (합 = 1)",
    "Depth: %1 layers of Linear(%2, %2) + activation": "깊이: Linear(%2, %2) + 활성화 함수 %1층",
    "%1: %2 of %3 units dead (never active on a batch of %4)": "%1: 유닛 %3개 중 %2개가 죽음 (배치 %4개 샘플에서 한 번도 활성화되지 않음)",
    "Step has no gradient at all: it cannot be trained by backpropagation.": "계단 함수는 기울기가 전혀 없어서 역전파로 학습할 수 없습니다.",
    "Tick ReLU to count dead units.": "ReLU를 선택하면 죽은 유닛 수를 셉니다.",
    "Softmax": "소프트맥스", "Gradient per layer": "층별 기울기",
    # autograd
    "Neuron: z = sigmoid(w*x + b)": "뉴런: z = sigmoid(w*x + b)",
    "Sum of squares: y = (x**2).sum()": "제곱합: y = (x**2).sum()",
    "Two-layer neuron with a squared error": "제곱 오차를 쓰는 2층 뉴런",
    "Diamond: x and y used twice": "다이아몬드: x와 y를 두 번 사용",
    "Mistake: backward() on a non-scalar": "실수: 스칼라가 아닌 값에 backward()",
    "Mistake: nothing requires grad": "실수: requires_grad가 하나도 없음",
    "leaf %1 has no value: type a number like 0.5 or a list like 1, 2, 3": "리프 %1에 값이 없습니다: 0.5 같은 숫자나 1, 2, 3 같은 목록을 입력하세요",
    "leaf %1: “%2” is not a number": "리프 %1: “%2”은(는) 숫자가 아닙니다",
    "leaf %1: at most 16 values, please": "리프 %1: 값은 최대 16개까지 입력하세요",
    "The leaf to differentiate by": "미분할 기준 리프",
    "The program has an error; fix it to see its graph.": "프로그램에 오류가 있습니다. 고치면 그래프가 보입니다.",
    "Output %1 = %2   (shape %3)": "출력 %1 = %2   (모양 %3)",
    "No graph was recorded: no leaf has requires_grad=True, so nothing will be differentiated. Tick requires_grad for a leaf.":
        "그래프가 기록되지 않았습니다: requires_grad=True인 리프가 없어서 미분할 대상이 없습니다. 리프의 requires_grad를 체크하세요.",
    "Backward ran %1": "역전파 실행: %1",
    "Step size h = 1e%1": "간격 h = 1e%1",
    "Central difference error vs h: truncation (right) and rounding (left)": "h에 따른 중심 차분 오차: 절단 오차(오른쪽)와 반올림 오차(왼쪽)",
    "∂(sum %1)/∂%2[0]: analytic %3, numerical %4, error %5": "∂(sum %1)/∂%2[0]: 해석적 %3, 수치적 %4, 오차 %5",
    "Program and leaves": "프로그램과 리프", "leaf": "리프", "value": "값",
    "One assignment per line: + - * / ** and sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean":
        "한 줄에 대입문 하나: + - * / ** 와 sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean",
    "Run": "실행", "Forward": "순전파", "backward()": "backward()", "Step backward (→)": "역전파 한 단계 (→)", "zero_grad()": "zero_grad()",
    "Common mistakes": "자주 하는 실수",
    "zero_grad() before each backward()": "backward() 전에 zero_grad()",
    "Untick it and run backward() twice: the gradients add up.": "체크를 풀고 backward()를 두 번 실행하면 기울기가 누적됩니다.",
    "Leave it off and run backward() twice without Forward: the freed graph raises an error.":
        "끈 채로 순전파 없이 backward()를 두 번 실행하면 해제된 그래프 때문에 오류가 납니다.",
    "Numerical vs analytic derivative": "수치 미분과 해석적 미분",
    "Computation graph": "계산 그래프", "Finite-difference error": "유한 차분 오차",
    "value %1": "값 %1", ".grad %1": ".grad %1", "grad %1": "기울기 %1",
    # main window
    "PyTorch code copied to the clipboard": "PyTorch 코드를 클립보드에 복사했습니다",
    "Pause": "일시정지", "Play": "재생", "%1…": "%1…", "Whole lab view…": "실험 화면 전체…", "lab": "실험",
    "Export %1": "%1 내보내기",
    "PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)": "PNG 이미지 (*.png);;SVG 벡터 이미지 (*.svg);;PDF 문서 (*.pdf)",
    "Saved %1": "%1에 저장했습니다", "Export failed": "내보내기 실패",
    "Labs": "실험", "Controls": "조작", "Explanation": "설명", "PyTorch": "PyTorch", "Copy code": "코드 복사",
    "&File": "파일(&F)", "&Export plot": "그래프 내보내기(&E)", "&View": "보기(&V)", "&Language": "언어(&L)", "&Help": "도움말(&H)",
    "Play controls": "재생 조작", "Step": "한 단계", "Reset": "처음으로", "Presentation": "발표 모드",
    "Bigger text and lines": "글자와 선 크게", "Smaller text and lines": "글자와 선 작게", "Dark theme": "어두운 테마",
    "Keyboard shortcuts": "단축키", "About GradScope": "GradScope 정보", "Quit": "끝내기",
    "Lab list": "실험 목록", "Side panel": "옆 패널",
    "Play / pause the lab (Space)": "실험 재생 / 일시정지 (스페이스)", "One step (→)": "한 단계 (→)", "Back to the start (R)": "처음으로 (R)",
    "Presentation mode: large text, thick lines, full screen (F5; Esc leaves)": "발표 모드: 큰 글자, 굵은 선, 전체 화면 (F5, Esc로 나가기)",
    "Space": "스페이스", "Play / pause": "재생 / 일시정지", "→": "→", "One step": "한 단계", "R": "R", "Reset the lab": "실험을 처음으로",
    "F5": "F5", "Presentation mode": "발표 모드", "Esc": "Esc", "Leave presentation mode": "발표 모드 나가기",
    "Ctrl + / Ctrl −": "Ctrl + / Ctrl −", "Bigger / smaller text and lines": "글자와 선 크게 / 작게",
    "F7": "F7", "Show / hide the lab list": "실험 목록 보이기 / 숨기기", "F8": "F8", "Show / hide the side panel": "옆 패널 보이기 / 숨기기",
    "Ctrl+E": "Ctrl+E", "Export the lab view": "실험 화면 내보내기", "F1": "F1", "This help": "이 도움말",
    "<h3>GradScope %1</h3><p>Learn deep learning by doing: every lab runs on GradScope's own tensor and autograd engine, which follows PyTorch's semantics.</p><p>Data sets from the UCI Machine Learning Repository (CC BY 4.0). Photographs by danielbuechele and vultilion on Flickr (CC BY 2.0).</p>":
        "<h3>GradScope %1</h3><p>직접 해 보며 배우는 딥러닝: 모든 실험은 PyTorch와 같은 의미로 동작하는 GradScope 자체 텐서·자동 미분 엔진 위에서 돌아갑니다.</p><p>데이터셋: UCI Machine Learning Repository (CC BY 4.0). 사진: Flickr의 danielbuechele, vultilion (CC BY 2.0).</p>",
    # perceptron
    "Data": "데이터", "Logic gate": "논리 게이트",
    "Single perceptron (step activation)": "단일 퍼셉트론 (계단 활성화)",
    "2-2-1 MLP (hidden layer)": "2-2-1 MLP (은닉층)",
    "Perceptron: ŷ = step(w₁x₁ + w₂x₂ + b)": "퍼셉트론: ŷ = step(w₁x₁ + w₂x₂ + b)",
    "2-2-1 MLP trained by backpropagation": "역전파로 학습하는 2-2-1 MLP",
    "Hidden activation": "은닉층 활성화 함수", "Solve with a 2-2-1 MLP": "2-2-1 MLP로 풀기",
    "w₁ = %1": "w₁ = %1", "w₂ = %1": "w₂ = %1", "b = %1": "b = %1",
    "Learning rate η = %1": "학습률 η = %1",
    "Learning rate = %1 (SGD, momentum 0.9)": "학습률 = %1 (SGD, 모멘텀 0.9)",
    "%1: %2 of 4 points misclassified": "%1: 점 4개 중 %2개 오분류",
    "MLP: %1 gradient steps, loss %2, %3 of 4 wrong.": "MLP: 경사 하강 %1번, 손실 %2, 4개 중 %3개 틀림.",
    "The hidden layer bent the space: XOR is solved.": "은닉층이 공간을 구부렸습니다: XOR을 풀었습니다.",
    "Epoch %1, sample %2 next. %3 of 4 wrong.": "에포크 %1, 다음은 샘플 %2. 4개 중 %3개 틀림.",
    "Converged: a whole epoch without a mistake.": "수렴했습니다: 한 에포크 동안 실수가 없었습니다.",
    "XOR is not linearly separable: no line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other, so the rule never settles.":
        "XOR은 선형 분리가 불가능합니다: (0,1)과 (1,0)을 한쪽에, (0,0)과 (1,1)을 다른 쪽에 두는 직선이 없어서 규칙이 끝없이 흔들립니다.",
    "Hidden layer view (h₁, h₂)": "은닉층 보기 (h₁, h₂)",
    "Errors after each update": "갱신할 때마다의 오류 수",
    "samples seen": "본 샘플 수", "misclassified": "오분류 수",
    "Input space": "입력 공간", "Second plot": "두 번째 그래프",
    # descent
    "Gradient descent": "경사 하강법", "Optimizers": "최적화 기법",
    "✕ diverged at step %1": "✕ %1단계에서 발산",
    "batch GD (all %1)": "배치 GD (%1개 전부)", "SGD (1 sample)": "SGD (샘플 1개)", "mini-batch (%1)": "미니배치 (%1개)",
    "a = %1": "a = %1", "mini-batch size = %1": "미니배치 크기 = %1",
    "f(x, y) = %1·x² + %2·y²   step %3": "f(x, y) = %1·x² + %2·y²   %3단계",
    "MSE(w, b) of the line y = w·x + b   step %1": "직선 y = w·x + b의 MSE(w, b)   %1단계",
    "Loss per step": "단계별 손실", "step": "단계",
    "y per step (dots) and (1 − 2b·lr)ᵏ·y₀ (line)": "단계별 y (점)와 (1 − 2b·lr)ᵏ·y₀ (선)",
    "x per step (dots) and (1 − 2a·lr)ᵏ·x₀ (line)": "단계별 x (점)와 (1 − 2a·lr)ᵏ·x₀ (선)",
    "The data and the fitted line at a few steps": "데이터와 몇 단계에서 맞춘 직선",
    "data": "데이터", "step %1: w=%2, b=%3": "%1단계: w=%2, b=%3",
    "%1: diverged at step %2": "%1: %2단계에서 발산", "%1: flying off": "%1: 멀리 날아가는 중",
    "%1: loss %2 at step %3": "%1: %3단계 손실 %2",
    "Cost": "비용", "Bowl f = a·x² + b·y²": "그릇 f = a·x² + b·y²", "Line fit: MSE(w, b) of y = w·x + b": "직선 맞추기: y = w·x + b의 MSE(w, b)",
    "Learning rates (gradient descent)": "학습률 (경사 하강법)", "Steps": "단계 수", "Log scale for the loss": "손실을 로그 눈금으로",
    "Batch vs SGD vs mini-batch": "배치 대 SGD 대 미니배치", "Compare batch, SGD and mini-batch": "배치, SGD, 미니배치 비교",
    "Plain GD on a·x² converges iff 0 < lr < 1/a and zig-zags above 1/(2a). The steepest direction here has a = %1: the largest stable rate is %2 (red mark).":
        "a·x²에서 경사 하강법은 0 < lr < 1/a일 때만 수렴하고, 1/(2a)보다 크면 지그재그로 움직입니다. 여기서 가장 가파른 방향은 a = %1이므로 안정적인 최대 학습률은 %2입니다 (빨간 표시).",
    "Drag the start on the contour. Each step moves (w, b) against the gradient of the MSE.": "등고선 위에서 시작점을 끌어 보세요. 매 단계 (w, b)가 MSE 기울기의 반대 방향으로 움직입니다.",
    "Contour and paths": "등고선과 경로", "Second view": "두 번째 그래프",
    # optimizers
    "%1   step %2": "%1   %2단계", "f per step": "단계별 f", "f − f(minimum) per step": "단계별 f − f(최솟값)",
    "optimizer": "최적화 기법", "ended at": "도착 위치", "steps to ε": "ε까지 단계", "diverged": "발산",
    "step (reduces when the loss stalls)": "단계 (손실이 정체되면 줄어듦)", "Function": "함수", "Landscape": "지형",
    "Optimizers and learning rates": "최적화 기법과 학습률", "Show Momentum's velocity and Adam's steps": "모멘텀의 속도와 Adam의 걸음 보기",
    "Learning-rate schedule": "학습률 스케줄", "Scheduler": "스케줄러", "Applied to": "적용 대상",
    "3-D surface": "3차원 곡면",
    "The 3-D view needs OpenGL, which this session does not have (run GradScope with a display, or under xvfb-run).":
        "3차원 보기에는 OpenGL이 필요한데 지금은 사용할 수 없습니다 (화면이 있는 환경이나 xvfb-run으로 GradScope를 실행하세요).",
    # playground
    "Playground": "플레이그라운드", "neurons in hidden layer %1": "은닉층 %1의 뉴런 수",
    "Choose at least one input feature.": "입력 특성을 하나 이상 선택하세요.",
    "%1 steps/s, %2 frames/s": "초당 %1단계, 초당 %2프레임",
    "Epoch %1 · test loss %2 · accuracy %3 %": "에포크 %1 · 테스트 손실 %2 · 정확도 %3 %",
    "Network": "신경망", "weight %1": "가중치 %1",
    "train": "학습", "test": "테스트",
    "Training diverged: lower the learning rate and press Reset.": "학습이 발산했습니다: 학습률을 낮추고 처음으로를 누르세요.",
    "Threshold %1": "임계값 %1", "ROC (test), AUC = %1": "ROC (테스트), AUC = %1",
    "pred 0": "예측 0", "pred 1": "예측 1", "true 0": "실제 0", "true 1": "실제 1",
    "ROC needs two classes": "ROC에는 클래스가 두 개 필요합니다", "pred %1": "예측 %1", "true %1": "실제 %1",
    "Noise %1": "잡음 %1", "Test %1 %": "테스트 %1 %", "Input features": "입력 특성",
    "Hidden layers and neurons": "은닉층과 뉴런", "Hidden layers": "은닉층 수", "Activation": "활성화 함수",
    "Optimizer": "최적화 기법", "Learning rate": "학습률", "Batch size": "배치 크기", "Regularization": "규제",
    "Mistake: forget optimizer.zero_grad()": "실수: optimizer.zero_grad() 잊기",
    "Show test data": "테스트 데이터 보기", "Discretize output": "출력 이산화",
    "frame": "프레임", "loss": "손실", "Loss (train and test)": "손실 (학습과 테스트)",
    "false positive rate": "거짓 양성 비율", "true positive rate": "참 양성 비율",
    "Decision boundary": "결정 경계", "Loss": "손실", "ROC curve": "ROC 곡선",
    "XOR needs a hidden layer": "XOR에는 은닉층이 필요합니다",
    "No hidden layer: the boundary can only be a straight line, and XOR has none. Add a hidden layer (or the feature x1*x2).": "은닉층이 없으면 경계는 직선뿐인데, XOR을 나누는 직선은 없습니다. 은닉층(또는 특성 x1*x2)을 추가하세요.",
    "The spiral needs depth": "나선에는 깊이가 필요합니다",
    "Three layers of eight ReLU neurons bend the boundary around the arms of the spiral.": "ReLU 뉴런 8개짜리 층 세 개가 경계를 나선의 팔을 따라 구부립니다.",
    "Deep sigmoid nets stall": "깊은 시그모이드 신경망은 멈춥니다",
    "Six sigmoid layers: the gradient vanishes on its way back and the first layers barely learn. Switch the activation to ReLU.": "시그모이드 층 여섯 개: 기울기가 거꾸로 전해지며 사라져 앞쪽 층이 거의 배우지 못합니다. 활성화 함수를 ReLU로 바꿔 보세요.",
    "Too high a learning rate diverges": "학습률이 너무 크면 발산합니다",
    "With lr = 10 every step overshoots: the loss jumps about or becomes nan. Lower the learning rate and press Reset.": "lr = 10이면 매 걸음 지나쳐서 손실이 튀거나 nan이 됩니다. 학습률을 낮추고 처음으로를 누르세요.",
    "Overfitting a small noisy set, cured by L2": "작고 잡음 많은 데이터의 과적합, L2로 치료하기",
    "Much noise, 20 % of the data to train on, a big network: the training loss falls while the test loss rises. Turn on L2 (0.01) and compare.": "잡음이 많고, 데이터의 20 %로만 학습하고, 신경망이 크면 학습 손실은 줄지만 테스트 손실은 커집니다. L2(0.01)를 켜고 비교해 보세요.",
    "Network builder": "신경망 만들기",
    "Save network": "신경망 저장",
    "Model spec (*.json)": "모델 명세 (*.json)",
    "Save failed": "저장 실패",
    "Open network": "신경망 열기",
    "Open failed": "열기 실패",
    "Export PyTorch code": "PyTorch 코드 내보내기",
    "Python (*.py)": "파이썬 (*.py)",
    "Network": "신경망",
    "Save the network (JSON)…": "신경망 저장 (JSON)…",
    "Open a network…": "신경망 열기…",
    "Export as PyTorch code (.py)…": "PyTorch 코드로 내보내기 (.py)…",
    "Mistake: remove the Flatten": "실수: Flatten 지우기",
    "input shape: “%1” is not a positive size": "입력 모양: “%1”은(는) 양의 크기가 아닙니다",
    "load network": "신경망 불러오기",
    "input shape": "입력 모양",
    "add %1": "%1 추가",
    "remove layer %1": "층 %1 삭제",
    "move layer %1": "층 %1 이동",
    "%1 of layer %2": "층 %2의 %1",
    "%1 parameters in total": "매개변수 모두 %1개",
    "input": "입력",
    "%1 params": "매개변수 %1개",
    "Click a layer to edit its arguments.": "층을 클릭하면 인수를 편집할 수 있습니다.",
    "Layer %1: %2": "층 %1: %2",
    "# The network has an error: %1": "# 신경망에 오류가 있습니다: %1",
    "cannot open \"%1\"": "\"%1\"을(를) 열 수 없습니다",
    "\"%1\" is not valid JSON: %2": "\"%1\"은(는) 올바른 JSON이 아닙니다: %2",
    "\"%1\" was written by a newer GradScope (version %2)": "\"%1\"은(는) 더 새로운 GradScope(버전 %2)로 저장되었습니다",
    "Input shape (without the batch)": "입력 모양 (배치 제외)",
    "Add the chosen layer": "선택한 층 추가",
    "Delete": "삭제",
    "Undo": "실행 취소",
    "Redo": "다시 실행",
    "Move the layer up": "층을 위로",
    "Move the layer down": "층을 아래로",
    "cannot open the preset %1": "프리셋 %1을 열 수 없습니다",
    "%1 is not a Playground preset": "%1은 플레이그라운드 프리셋이 아닙니다",
    "preset %1: %2": "프리셋 %1: %2",
    "Presets: a story to try…": "프리셋: 해 볼 이야기…",
}

HERE = os.path.dirname(os.path.abspath(__file__))
ts_path = os.path.join(HERE, "gradscope_ko.ts")
tree = ET.parse(ts_path)
missing = []
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    if source in KO:
        translation.text = KO[source]
        translation.attrib.pop("type", None)
    else:
        missing.append(source)
tree.write(ts_path, encoding="utf-8", xml_declaration=True)
with open(ts_path, "r+", encoding="utf-8") as f:  # lupdate expects the DOCTYPE line
    text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    f.seek(0); f.write(text); f.truncate()
for m in missing:
    print("untranslated:", m, file=sys.stderr)
sys.exit(1 if missing else 0)
