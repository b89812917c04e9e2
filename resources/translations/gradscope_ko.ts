<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ConvolutionImages</name>
    <message>
        <source>The digits table (digits.csv.gz) was not found in %1.</source>
        <translation>숫자 데이터(digits.csv.gz)를 %1에서 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>Fashion-MNIST is not installed. Install Debian's package dataset-fashion-mnist (sudo apt install dataset-fashion-mnist) or set GRADSCOPE_FASHION_MNIST_DIR; the digits and the photos work without it.</source>
        <translation>Fashion-MNIST가 설치되어 있지 않습니다. 데비안 패키지 dataset-fashion-mnist를 설치하거나(sudo apt install dataset-fashion-mnist) GRADSCOPE_FASHION_MNIST_DIR를 설정하세요. 숫자와 사진은 그것 없이도 동작합니다.</translation>
    </message>
    <message>
        <source>Image index %1 is outside 0–%2.</source>
        <translation>이미지 번호 %1이(가) 0–%2 범위를 벗어났습니다.</translation>
    </message>
    <message>
        <source>The photo %1 could not be read.</source>
        <translation>사진 %1을(를) 읽을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ConvolutionText</name>
    <message>
        <source>sum of products = %1</source>
        <translation>곱의 합 = %1</translation>
    </message>
    <message>
        <source>+ bias %1</source>
        <translation>+ 편향 %1</translation>
    </message>
    <message>
        <source>the largest value (underlined) = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>가장 큰 값(밑줄) = &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>sum %1 ÷ %2 values = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>합 %1 ÷ 값 %2개 = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>padding='same' needs stride 1.</source>
        <translation>padding='same'은 stride 1에서만 가능합니다.</translation>
    </message>
    <message>
        <source>The kernel does not fit: it spans %1×%2 input cells (kernel %3×%4, dilation %5), but the padded input is only %6×%7, so the rule gives %8×%9 outputs. Use a smaller kernel or dilation, or more padding.</source>
        <translation>커널이 들어가지 않습니다: 커널은 입력 %1×%2칸에 걸치는데(커널 %3×%4, 팽창 %5), 패딩한 입력은 %6×%7뿐이라 공식의 결과가 %8×%9입니다. 더 작은 커널이나 팽창을 쓰거나 패딩을 늘리세요.</translation>
    </message>
    <message>
        <source>padding='same' keeps the output as large as the input, which only stride 1 can do: set the stride to 1, or give the padding as a number.</source>
        <translation>padding='same'은 출력을 입력과 같은 크기로 유지하는데, 이는 stride 1에서만 가능합니다: stride를 1로 하거나 패딩을 숫자로 주세요.</translation>
    </message>
    <message>
        <source>Pooling padding %1 is more than half the kernel size %2: a window could see nothing but padding. Use a padding of at most %3.</source>
        <translation>풀링 패딩 %1이(가) 커널 크기 %2의 절반보다 큽니다: 창이 패딩만 보게 될 수 있습니다. 패딩을 %3 이하로 하세요.</translation>
    </message>
    <message>
        <source>PyTorch says:</source>
        <translation>PyTorch의 메시지:</translation>
    </message>
    <message>
        <source>The picture keeps the last setting that worked.</source>
        <translation>그림은 마지막으로 동작한 설정을 유지합니다.</translation>
    </message>
</context>
<context>
    <name>InitLab</name>
    <message>
        <source>N(0, 1)</source>
        <translation>N(0, 1)</translation>
    </message>
    <message>
        <source>N(0, 0.01²)</source>
        <translation>N(0, 0.01²)</translation>
    </message>
    <message>
        <source>Xavier (Glorot)</source>
        <translation>Xavier (Glorot)</translation>
    </message>
    <message>
        <source>He (Kaiming)</source>
        <translation>He (Kaiming)</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>0으로</translation>
    </message>
</context>
<context>
    <name>LabRegistry</name>
    <message>
        <source>Autograd</source>
        <translation>자동 미분</translation>
    </message>
    <message>
        <source>Perceptron</source>
        <translation>퍼셉트론</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>기초</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>하드웨어</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>경사 하강법</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>최적화 기법</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <source>Network builder</source>
        <translation>신경망 만들기</translation>
    </message>
    <message>
        <source>CPU vs GPU</source>
        <translation>CPU 대 GPU</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>평가 지표</translation>
    </message>
    <message>
        <source>Generalization</source>
        <translation>일반화</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Deep networks</source>
        <translation>깊은 신경망</translation>
    </message>
</context>
<context>
    <name>MetricsData</name>
    <message>
        <source>benign</source>
        <translation>양성 종양</translation>
    </message>
    <message>
        <source>malignant</source>
        <translation>악성 종양</translation>
    </message>
    <message>
        <source>mail</source>
        <translation>정상 메일</translation>
    </message>
    <message>
        <source>spam</source>
        <translation>스팸</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>건강</translation>
    </message>
    <message>
        <source>sick</source>
        <translation>질병</translation>
    </message>
    <message>
        <source>negative (0)</source>
        <translation>음성 (0)</translation>
    </message>
    <message>
        <source>positive (1)</source>
        <translation>양성 (1)</translation>
    </message>
    <message>
        <source>Cannot open "%1": %2</source>
        <translation>"%1"을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: 파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>%1, row 1: expected the header "label,score", found "%2"</source>
        <translation>%1, 1행: 머리글 "label,score"가 필요한데 "%2"입니다</translation>
    </message>
    <message>
        <source>%1, row %2: expected two values "label,score", found "%3"</source>
        <translation>%1, %2행: 값 두 개 "label,score"가 필요한데 "%3"입니다</translation>
    </message>
    <message>
        <source>%1, row %2: the label "%3" must be 0 or 1</source>
        <translation>%1, %2행: 레이블 "%3"은(는) 0 또는 1이어야 합니다</translation>
    </message>
    <message>
        <source>%1, row %2: the score "%3" is not a finite number</source>
        <translation>%1, %2행: 점수 "%3"은(는) 유한한 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>%1: no data rows after the header</source>
        <translation>%1: 머리글 뒤에 데이터 행이 없습니다</translation>
    </message>
    <message>
        <source>%1: every row has label %2; ROC and PR curves need both classes</source>
        <translation>%1: 모든 행의 레이블이 %2입니다. ROC와 PR 곡선에는 두 클래스가 모두 필요합니다</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot write "%1"</source>
        <translation>"%1"에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>unknown file type "%1": use .png, .svg or .pdf</source>
        <translation>알 수 없는 파일 형식 "%1": .png, .svg, .pdf를 사용하세요</translation>
    </message>
    <message>
        <source>cannot write "%1": the folder does not exist or is not writable</source>
        <translation>"%1"에 쓸 수 없습니다: 폴더가 없거나 쓰기 권한이 없습니다</translation>
    </message>
    <message>
        <source>✕ diverged at step %1</source>
        <translation>✕ %1단계에서 발산</translation>
    </message>
    <message>
        <source>✕ leaves the view at step %1</source>
        <translation>✕ %1단계에서 화면 밖으로</translation>
    </message>
</context>
<context>
    <name>TensorGrid</name>
    <message>
        <source>dim %1 → size %2</source>
        <translation>dim %1 → 크기 %2</translation>
    </message>
    <message>
        <source>dim %1 ↓ size %2</source>
        <translation>dim %1 ↓ 크기 %2</translation>
    </message>
    <message>
        <source>dim %1: blocks → size %2</source>
        <translation>dim %1: 블록 → 크기 %2</translation>
    </message>
    <message>
        <source>dim %1: block rows ↓ size %2</source>
        <translation>dim %1: 블록 행 ↓ 크기 %2</translation>
    </message>
    <message>
        <source>, stride %1</source>
        <translation>, 스트라이드 %1</translation>
    </message>
</context>
<context>
    <name>TensorOperation</name>
    <message>
        <source>A view (%1)</source>
        <translation>뷰 (%1)</translation>
    </message>
    <message>
        <source>The result shares memory with its operand: no element was copied, only shape, stride and offset are new.</source>
        <translation>결과는 피연산자와 메모리를 공유합니다: 복사된 원소는 없고 모양, 스트라이드, 오프셋만 새것입니다.</translation>
    </message>
    <message>
        <source>A copy (%1)</source>
        <translation>복사 (%1)</translation>
    </message>
    <message>
        <source>The result has new memory of its own: the elements were copied into a fresh, contiguous storage.</source>
        <translation>결과는 자기만의 새 메모리를 가집니다: 원소들이 새로운 연속 저장소로 복사되었습니다.</translation>
    </message>
    <message>
        <source>In place (%1)</source>
        <translation>제자리 변경 (%1)</translation>
    </message>
    <message>
        <source>The memory itself changed: every tensor viewing these cells sees the new values (outlined).</source>
        <translation>메모리 자체가 바뀌었습니다: 이 칸들을 보는 모든 텐서가 새 값을 봅니다(테두리 표시).</translation>
    </message>
    <message>
        <source>Broadcasting (%1)</source>
        <translation>브로드캐스팅 (%1)</translation>
    </message>
    <message>
        <source>cannot broadcast</source>
        <translation>브로드캐스팅 불가</translation>
    </message>
    <message>
        <source>Shapes are lined up from the right; a dim of size 1, or a missing one, is stretched to match. Faded, dashed cells are repeated copies, not memory.</source>
        <translation>모양을 오른쪽부터 맞춥니다. 크기 1인 차원이나 없는 차원은 상대에 맞게 늘어납니다. 흐린 점선 칸은 반복된 사본이며 메모리가 아닙니다.</translation>
    </message>
    <message>
        <source>result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Careful: the result has more elements (%1) than either operand.</source>
        <translation>주의: 결과의 원소 수(%1)가 어느 피연산자보다도 많습니다.</translation>
    </message>
    <message>
        <source>torch.stack along dim %1: a new dimension</source>
        <translation>dim %1을 따라 torch.stack: 새 차원</translation>
    </message>
    <message>
        <source>torch.cat along dim %1: an existing dimension grows</source>
        <translation>dim %1을 따라 torch.cat: 기존 차원이 커집니다</translation>
    </message>
    <message>
        <source>stack puts the tensors side by side along a NEW dim (all shapes must be equal); the result has one more dim.</source>
        <translation>stack은 새 차원을 따라 텐서를 나란히 쌓습니다(모든 모양이 같아야 함). 결과는 차원이 하나 늘어납니다.</translation>
    </message>
    <message>
        <source>cat joins the tensors along an existing dim (the other sizes must agree); the number of dims stays.</source>
        <translation>cat은 기존 차원을 따라 텐서를 이어 붙입니다(나머지 크기는 같아야 함). 차원 수는 그대로입니다.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>new dimension</source>
        <translation>새 차원</translation>
    </message>
    <message>
        <source>joined here</source>
        <translation>여기서 이어 붙임</translation>
    </message>
    <message>
        <source>Matrix product (%1)</source>
        <translation>행렬 곱 (%1)</translation>
    </message>
    <message>
        <source>(too big to draw)</source>
        <translation>(너무 커서 그리지 않음)</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>숫자 %1</translation>
    </message>
    <message>
        <source>left</source>
        <translation>왼쪽</translation>
    </message>
    <message>
        <source>right</source>
        <translation>오른쪽</translation>
    </message>
    <message>
        <source>operand %1</source>
        <translation>피연산자 %1</translation>
    </message>
    <message>
        <source>A single number is a tensor of shape (): its one cell is stretched over the whole shape.</source>
        <translation>숫자 하나는 모양이 ()인 텐서입니다: 그 한 칸이 모양 전체로 늘어납니다.</translation>
    </message>
    <message>
        <source>The inner dims agree (green): each result cell is a row of %1 times a column of %2, summed.</source>
        <translation>안쪽 크기가 같습니다(초록색): 결과의 각 칸은 %1의 한 행과 %2의 한 열을 곱해 더한 값입니다.</translation>
    </message>
    <message>
        <source>The inner dims (red) must be equal: the last dim of %1 against the rows of %2. Transpose or reshape one operand.</source>
        <translation>안쪽 크기(빨간색)가 같아야 합니다: %1의 마지막 차원과 %2의 행 수. 피연산자 하나를 전치하거나 reshape하세요.</translation>
    </message>
</context>
<context>
    <name>gsui</name>
    <message>
        <source>%1: expected a text or {"en": text, "ko": text}, got %2</source>
        <translation>%1: 텍스트 또는 {"en": 텍스트, "ko": 텍스트}여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation>%1: 객체여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1.%2: unknown field (the fields are %3)</source>
        <translation>%1.%2: 알 수 없는 필드입니다(필드: %3)</translation>
    </message>
    <message>
        <source>%1.lab: expected a lab id</source>
        <translation>%1.lab: 실습 id여야 합니다</translation>
    </message>
    <message>
        <source>%1.lab: this GradScope has no lab "%2" (it has %3)</source>
        <translation>%1.lab: 이 GradScope에는 "%2" 실습이 없습니다(있는 실습: %3)</translation>
    </message>
    <message>
        <source>%1.page: expected a page id, got %2</source>
        <translation>%1.page: 페이지 id여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1.controls: expected {name: value}, got %2</source>
        <translation>%1.controls: {이름: 값}이어야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1.controls.%2: expected a number, true/false or a text, got %3</source>
        <translation>%1.controls.%2: 숫자, true/false 또는 텍스트여야 하는데 %3입니다</translation>
    </message>
    <message>
        <source>%1.highlight: expected a list of control names</source>
        <translation>%1.highlight: 컨트롤 이름의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>%1.highlight: expected control names, got %2</source>
        <translation>%1.highlight: 컨트롤 이름이어야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1.lock: expected true or false, got %2</source>
        <translation>%1.lock: true 또는 false여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1.run: expected a number of steps from 0 to %2, got %3</source>
        <translation>%1.run: 0부터 %2까지의 단계 수여야 하는데 %3입니다</translation>
    </message>
    <message>
        <source>%1.caption: a step needs a caption</source>
        <translation>%1.caption: 단계에는 설명이 있어야 합니다</translation>
    </message>
    <message>
        <source>not a GradScope lesson ("format": "gradscope-lesson" is missing)</source>
        <translation>GradScope 수업 파일이 아닙니다("format": "gradscope-lesson"이 없습니다)</translation>
    </message>
    <message>
        <source>version: expected a whole number, got %1</source>
        <translation>version: 정수여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>version %1: this lesson was written by a newer GradScope (this one reads version %2)</source>
        <translation>version %1: 이 수업은 더 새로운 GradScope로 만들어졌습니다(이 버전은 version %2까지 읽습니다)</translation>
    </message>
    <message>
        <source>version: expected 1, got %1</source>
        <translation>version: 1이어야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>id: expected a name for the lesson</source>
        <translation>id: 수업의 이름이 있어야 합니다</translation>
    </message>
    <message>
        <source>title: a lesson needs a title</source>
        <translation>title: 수업에는 제목이 있어야 합니다</translation>
    </message>
    <message>
        <source>steps: expected a list of at least one step</source>
        <translation>steps: 단계가 하나 이상인 목록이어야 합니다</translation>
    </message>
    <message>
        <source>steps: %1 steps, at most %2</source>
        <translation>steps: 단계가 %1개입니다. 최대 %2개입니다</translation>
    </message>
</context>
<context>
    <name>gsui::ActivationsLab</name>
    <message>
        <source>Activation functions</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Softmax of a vector</source>
        <translation>벡터의 소프트맥스</translation>
    </message>
    <message>
        <source>Logits z, separated by commas</source>
        <translation>로짓 z (쉼표로 구분)</translation>
    </message>
    <message>
        <source>Deep stack: gradient per layer</source>
        <translation>깊은 신경망: 층별 기울기</translation>
    </message>
    <message>
        <source>f(x) and f′(x)</source>
        <translation>f(x)와 f′(x)</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>LeakyReLU negative_slope = %1</source>
        <translation>LeakyReLU negative_slope = %1</translation>
    </message>
    <message>
        <source>Temperature T = %1</source>
        <translation>온도 T = %1</translation>
    </message>
    <message>
        <source>“%1” (value %2) is not a number; showing the last valid vector.</source>
        <translation>“%1”(%2번째 값)은 숫자가 아닙니다. 마지막으로 올바른 벡터를 보여 줍니다.</translation>
    </message>
    <message>
        <source>At most 12 values, please (got %1).</source>
        <translation>값은 최대 12개까지 입력하세요(현재 %1개).</translation>
    </message>
    <message>
        <source>Type some logits, e.g. 2.0, 1.0, 0.1</source>
        <translation>로짓을 입력하세요. 예: 2.0, 1.0, 0.1</translation>
    </message>
    <message>
        <source>softmax(z / T), T = %1</source>
        <translation>softmax(z / T), T = %1</translation>
    </message>
    <message>
        <source>p = [%1]  (sum = 1)</source>
        <translation>p = [%1]  (합 = 1)</translation>
    </message>
    <message>
        <source>Depth: %1 layers of Linear(%2, %2) + activation</source>
        <translation>깊이: Linear(%2, %2) + 활성화 함수 %1층</translation>
    </message>
    <message>
        <source>%1: %2 of %3 units dead (never active on a batch of %4)</source>
        <translation>%1: 유닛 %3개 중 %2개가 죽음 (배치 %4개 샘플에서 한 번도 활성화되지 않음)</translation>
    </message>
    <message>
        <source>Step has no gradient at all: it cannot be trained by backpropagation.</source>
        <translation>계단 함수는 기울기가 전혀 없어서 역전파로 학습할 수 없습니다.</translation>
    </message>
    <message>
        <source>Tick ReLU to count dead units.</source>
        <translation>ReLU를 선택하면 죽은 유닛 수를 셉니다.</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>소프트맥스</translation>
    </message>
    <message>
        <source>Gradient per layer</source>
        <translation>층별 기울기</translation>
    </message>
    <message>
        <source>layer (1 = input side)</source>
        <translation>층 (1 = 입력 쪽)</translation>
    </message>
    <message>
        <source>f(x) solid, f′(x) dashed</source>
        <translation>f(x) 실선, f′(x) 점선</translation>
    </message>
    <message>
        <source>Derivatives f′(x) (dashed)</source>
        <translation>도함수 f′(x) (점선)</translation>
    </message>
    <message>
        <source>Step function</source>
        <translation>계단 함수</translation>
    </message>
</context>
<context>
    <name>gsui::AugmentationPage</name>
    <message>
        <source>Fashion-MNIST is not installed (looked in %1): showing a digit instead. Install Debian's dataset-fashion-mnist or set GRADSCOPE_FASHION_MNIST_DIR.</source>
        <translation>Fashion-MNIST가 설치되어 있지 않습니다(%1에서 찾음): 대신 숫자 이미지를 보여 줍니다. 데비안 패키지 dataset-fashion-mnist를 설치하거나 GRADSCOPE_FASHION_MNIST_DIR을 설정하세요.</translation>
    </message>
    <message>
        <source>Augmentation gallery</source>
        <translation>증강 갤러리</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Augmentations</source>
        <translation>증강</translation>
    </message>
    <message>
        <source>Digits (8×8)</source>
        <translation>손글씨 숫자 (8×8)</translation>
    </message>
    <message>
        <source>Fashion-MNIST (28×28)</source>
        <translation>Fashion-MNIST (28×28)</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>회전</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>밝기</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>흐림</translation>
    </message>
    <message>
        <source>New random draw</source>
        <translation>새로 무작위 추출</translation>
    </message>
    <message>
        <source>original</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>rotated %1°</source>
        <translation>%1° 회전</translation>
    </message>
    <message>
        <source>shifted %1 px</source>
        <translation>%1 px 이동</translation>
    </message>
    <message>
        <source>zoom ×%1</source>
        <translation>×%1 확대</translation>
    </message>
    <message>
        <source>flipped</source>
        <translation>좌우 뒤집기</translation>
    </message>
    <message>
        <source>brightness %1</source>
        <translation>밝기 %1</translation>
    </message>
    <message>
        <source>noise σ %1</source>
        <translation>잡음 σ %1</translation>
    </message>
    <message>
        <source>blur ×%1</source>
        <translation>흐림 ×%1</translation>
    </message>
    <message>
        <source>copy %1</source>
        <translation>사본 %1</translation>
    </message>
    <message>
        <source>Random copies, as training with augmentation sees this image: every epoch a new draw within the sliders' ranges (flips half the time).</source>
        <translation>증강을 켠 학습이 이 이미지를 보는 무작위 사본: 에포크마다 슬라이더 범위 안에서 새로 뽑습니다(절반은 좌우 뒤집기).</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>dataset: expected digits or fashion_mnist, got "%1"</source>
        <translation>dataset: digits 또는 fashion_mnist여야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>image: expected 0 or more, got %1</source>
        <translation>image: 0 이상이어야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>dataset: expected a name; image, degrees, shift, zoom, brightness, noise, blur: expected numbers</source>
        <translation>dataset: 이름이어야 합니다. image, degrees, shift, zoom, brightness, noise, blur: 숫자여야 합니다</translation>
    </message>
</context>
<context>
    <name>gsui::AutogradLab</name>
    <message>
        <source>Neuron: z = sigmoid(w*x + b)</source>
        <translation>뉴런: z = sigmoid(w*x + b)</translation>
    </message>
    <message>
        <source>Sum of squares: y = (x**2).sum()</source>
        <translation>제곱합: y = (x**2).sum()</translation>
    </message>
    <message>
        <source>Two-layer neuron with a squared error</source>
        <translation>제곱 오차를 쓰는 2층 뉴런</translation>
    </message>
    <message>
        <source>Diamond: x and y used twice</source>
        <translation>다이아몬드: x와 y를 두 번 사용</translation>
    </message>
    <message>
        <source>Mistake: backward() on a non-scalar</source>
        <translation>실수: 스칼라가 아닌 값에 backward()</translation>
    </message>
    <message>
        <source>Mistake: nothing requires grad</source>
        <translation>실수: requires_grad가 하나도 없음</translation>
    </message>
    <message>
        <source>leaf %1 has no value: type a number like 0.5 or a list like 1, 2, 3</source>
        <translation>리프 %1에 값이 없습니다: 0.5 같은 숫자나 1, 2, 3 같은 목록을 입력하세요</translation>
    </message>
    <message>
        <source>leaf %1: “%2” is not a number</source>
        <translation>리프 %1: “%2”은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>leaf %1: at most 16 values, please</source>
        <translation>리프 %1: 값은 최대 16개까지 입력하세요</translation>
    </message>
    <message>
        <source>The leaf to differentiate by</source>
        <translation>미분할 기준 리프</translation>
    </message>
    <message>
        <source>The program has an error; fix it to see its graph.</source>
        <translation>프로그램에 오류가 있습니다. 고치면 그래프가 보입니다.</translation>
    </message>
    <message>
        <source>Output %1 = %2   (shape %3)</source>
        <translation>출력 %1 = %2   (모양 %3)</translation>
    </message>
    <message>
        <source>No graph was recorded: no leaf has requires_grad=True, so nothing will be differentiated. Tick requires_grad for a leaf.</source>
        <translation>그래프가 기록되지 않았습니다: requires_grad=True인 리프가 없어서 미분할 대상이 없습니다. 리프의 requires_grad를 체크하세요.</translation>
    </message>
    <message>
        <source>Backward ran %1</source>
        <translation>역전파 실행: %1</translation>
    </message>
    <message>
        <source>Step size h = 1e%1</source>
        <translation>간격 h = 1e%1</translation>
    </message>
    <message>
        <source>Central difference error vs h: truncation (right) and rounding (left)</source>
        <translation>h에 따른 중심 차분 오차: 절단 오차(오른쪽)와 반올림 오차(왼쪽)</translation>
    </message>
    <message>
        <source>∂(sum %1)/∂%2[0]: analytic %3, numerical %4, error %5</source>
        <translation>∂(sum %1)/∂%2[0]: 해석적 %3, 수치적 %4, 오차 %5</translation>
    </message>
    <message>
        <source>Program and leaves</source>
        <translation>프로그램과 리프</translation>
    </message>
    <message>
        <source>leaf</source>
        <translation>리프</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>One assignment per line: + - * / ** and sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean</source>
        <translation>한 줄에 대입문 하나: + - * / ** 와 sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <source>backward()</source>
        <translation>backward()</translation>
    </message>
    <message>
        <source>Step backward (→)</source>
        <translation>역전파 한 단계 (→)</translation>
    </message>
    <message>
        <source>zero_grad()</source>
        <translation>zero_grad()</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>자주 하는 실수</translation>
    </message>
    <message>
        <source>Untick it and run backward() twice: the gradients add up.</source>
        <translation>체크를 풀고 backward()를 두 번 실행하면 기울기가 누적됩니다.</translation>
    </message>
    <message>
        <source>Leave it off and run backward() twice without Forward: the freed graph raises an error.</source>
        <translation>끈 채로 순전파 없이 backward()를 두 번 실행하면 해제된 그래프 때문에 오류가 납니다.</translation>
    </message>
    <message>
        <source>Numerical vs analytic derivative</source>
        <translation>수치 미분과 해석적 미분</translation>
    </message>
    <message>
        <source>Computation graph</source>
        <translation>계산 그래프</translation>
    </message>
    <message>
        <source>Finite-difference error</source>
        <translation>유한 차분 오차</translation>
    </message>
    <message>
        <source>Untick it and run Forward, backward(), Forward, backward(): the gradients add up. (backward() twice on one graph raises an error unless retain_graph=True.)</source>
        <translation>체크를 풀고 순전파, backward(), 순전파, backward()를 실행하면 기울기가 누적됩니다. (retain_graph=True가 아니면 한 그래프에서 backward()를 두 번 실행할 때 오류가 납니다.)</translation>
    </message>
    <message>
        <source>zero_grad() before backward()</source>
        <translation>backward() 전에 zero_grad()</translation>
    </message>
    <message>
        <source>|error|</source>
        <translation>|오차|</translation>
    </message>
</context>
<context>
    <name>gsui::BinaryConfusionView</name>
    <message>
        <source>predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>실제</translation>
    </message>
</context>
<context>
    <name>gsui::BinaryPage</name>
    <message>
        <source>Scores file (label,score)</source>
        <translation>점수 파일 (label,score)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>%1 samples from %2</source>
        <translation>%2의 샘플 %1개</translation>
    </message>
    <message>
        <source>%1 test samples; the model answers "healthy" for everyone</source>
        <translation>테스트 샘플 %1개. 모델은 모두에게 "건강"이라고 답합니다</translation>
    </message>
    <message>
        <source>%1 test samples; logistic regression after %2 epochs</source>
        <translation>테스트 샘플 %1개. 로지스틱 회귀, %2 에포크 학습</translation>
    </message>
    <message>
        <source>selected cell</source>
        <translation>선택한 칸</translation>
    </message>
    <message>
        <source>score = P(%1)</source>
        <translation>점수 = P(%1)</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>Scores of the test samples by actual class</source>
        <translation>실제 클래스별 테스트 샘플의 점수</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>거짓 양성 비율</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>참 양성 비율</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>ROC, AUC = %1</source>
        <translation>ROC, AUC = %1</translation>
    </message>
    <message>
        <source>PR, AP = %1</source>
        <translation>PR, AP = %1</translation>
    </message>
    <message>
        <source>PC 1</source>
        <translation>주성분 1</translation>
    </message>
    <message>
        <source>PC 2</source>
        <translation>주성분 2</translation>
    </message>
    <message>
        <source>A scores file has no inputs to project</source>
        <translation>점수 파일에는 투영할 입력이 없습니다</translation>
    </message>
    <message>
        <source>Inputs projected (PCA)</source>
        <translation>입력의 투영 (PCA)</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>임계값 %1</translation>
    </message>
    <message>
        <source>Cancer screening: a missed cancer (FN) can cost a life; a false alarm (FP) costs a second test. So the threshold goes down to %1: recall rises, precision falls.</source>
        <translation>암 검진: 놓친 암(FN)은 생명을 앗아갈 수 있지만, 잘못된 경보(FP)는 재검사 한 번이면 됩니다. 그래서 임계값을 %1(으)로 낮춥니다: 재현율은 오르고 정밀도는 내려갑니다.</translation>
    </message>
    <message>
        <source>Spam filtering: a real mail lost in the spam folder (FP) hurts more than a spam left in the inbox (FN). So the threshold goes up to %1: precision rises, recall falls.</source>
        <translation>스팸 필터: 스팸함에 빠진 진짜 메일(FP)이 받은편지함에 남은 스팸(FN)보다 더 아픕니다. 그래서 임계값을 %1(으)로 높입니다: 정밀도는 오르고 재현율은 내려갑니다.</translation>
    </message>
    <message>
        <source>Class imbalance: only %1 % of these people are sick. A model that always answers "healthy" reaches accuracy %2, yet recall 0: it never finds a sick person. With a rare class, read recall, precision and F1.</source>
        <translation>클래스 불균형: 이 사람들 중 %1 %만 아픕니다. 항상 "건강"이라고 답하는 모델은 정확도 %2에 이르지만 재현율은 0입니다: 아픈 사람을 한 명도 찾지 못합니다. 드문 클래스가 있으면 재현율, 정밀도, F1을 보세요.</translation>
    </message>
    <message>
        <source>Data and model</source>
        <translation>데이터와 모델</translation>
    </message>
    <message>
        <source>Scores from</source>
        <translation>점수 출처</translation>
    </message>
    <message>
        <source>A scores file (CSV)…</source>
        <translation>점수 파일 (CSV)…</translation>
    </message>
    <message>
        <source>Load scores (CSV)…</source>
        <translation>점수 불러오기 (CSV)…</translation>
    </message>
    <message>
        <source>Presets: the trade-off</source>
        <translation>프리셋: 트레이드오프</translation>
    </message>
    <message>
        <source>Cancer screening: recall</source>
        <translation>암 검진: 재현율</translation>
    </message>
    <message>
        <source>Spam filtering: precision</source>
        <translation>스팸 필터: 정밀도</translation>
    </message>
    <message>
        <source>Class imbalance: accuracy lies</source>
        <translation>클래스 불균형: 정확도의 함정</translation>
    </message>
    <message>
        <source>A preset sets the threshold and says why.</source>
        <translation>프리셋은 임계값을 정하고 그 이유를 설명합니다.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Recall (TPR)</source>
        <translation>재현율 (TPR)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Specificity (TNR)</source>
        <translation>특이도 (TNR)</translation>
    </message>
    <message>
        <source>TP / (TP + FP): of the samples called positive, the share that is</source>
        <translation>TP / (TP + FP): 양성이라고 판정한 샘플 중 실제 양성의 비율</translation>
    </message>
    <message>
        <source>TP / (TP + FN): of the positive samples, the share found</source>
        <translation>TP / (TP + FN): 실제 양성 샘플 중 찾아낸 비율</translation>
    </message>
    <message>
        <source>2·P·R / (P + R): the harmonic mean of precision and recall</source>
        <translation>2·P·R / (P + R): 정밀도와 재현율의 조화 평균</translation>
    </message>
    <message>
        <source>(TP + TN) / all</source>
        <translation>(TP + TN) / 전체</translation>
    </message>
    <message>
        <source>TN / (TN + FP): of the negative samples, the share cleared</source>
        <translation>TN / (TN + FP): 실제 음성 샘플 중 음성으로 판정한 비율</translation>
    </message>
    <message>
        <source>Predicted positive when score ≥ threshold (←/→ move it)</source>
        <translation>점수 ≥ 임계값이면 양성으로 예측 (←/→ 키로 이동)</translation>
    </message>
    <message>
        <source>Score histogram</source>
        <translation>점수 히스토그램</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 곡선</translation>
    </message>
    <message>
        <source>Precision-recall curve</source>
        <translation>정밀도-재현율 곡선</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>투영</translation>
    </message>
    <message>
        <source>Breast cancer</source>
        <translation>유방암</translation>
    </message>
    <message>
        <source>Spam-like (10 % spam)</source>
        <translation>스팸 유사(스팸 10 %)</translation>
    </message>
    <message>
        <source>Rare disease (5 % sick)</source>
        <translation>희귀 질환(환자 5 %)</translation>
    </message>
</context>
<context>
    <name>gsui::BuilderLab</name>
    <message>
        <source>Save network</source>
        <translation>신경망 저장</translation>
    </message>
    <message>
        <source>Model spec (*.json)</source>
        <translation>모델 명세 (*.json)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>저장 실패</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>신경망 열기</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>열기 실패</translation>
    </message>
    <message>
        <source>Export PyTorch code</source>
        <translation>PyTorch 코드 내보내기</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>파이썬 (*.py)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Save the network (JSON)…</source>
        <translation>신경망 저장 (JSON)…</translation>
    </message>
    <message>
        <source>Open a network…</source>
        <translation>신경망 열기…</translation>
    </message>
    <message>
        <source>Export as PyTorch code (.py)…</source>
        <translation>PyTorch 코드로 내보내기 (.py)…</translation>
    </message>
    <message>
        <source>Mistake: remove the Flatten</source>
        <translation>실수: Flatten 지우기</translation>
    </message>
    <message>
        <source>The weights were not saved: %1</source>
        <translation>가중치를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Saved the network's initial weights (seed %1) to %2</source>
        <translation>네트워크의 초기 가중치(시드 %1)를 %2에 저장했습니다</translation>
    </message>
    <message>
        <source>The weights do not fit this network: %1</source>
        <translation>가중치가 이 네트워크에 맞지 않습니다: %1</translation>
    </message>
    <message>
        <source>All %1 tensors of %2 fit this network (the builder does not train: train it in the Playground or the CNN lab).</source>
        <translation>%2의 텐서 %1개가 모두 이 네트워크에 맞습니다(신경망 만들기는 학습하지 않습니다: 플레이그라운드나 CNN 실습에서 학습하세요).</translation>
    </message>
    <message>
        <source>The network was not opened: %1</source>
        <translation>신경망을 열지 못했습니다: %1</translation>
    </message>
    <message>
        <source>No block summary while the network has a shape error (the message under the network says which layer).</source>
        <translation>신경망에 모양 오류가 있는 동안은 블록 요약이 없습니다(신경망 아래의 메시지가 어느 층인지 알려 줍니다).</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Layers %1–%2</source>
        <translation>%1–%2층</translation>
    </message>
    <message>
        <source>Add a VGG block (Conv-Conv-Pool)</source>
        <translation>VGG 블록 추가 (Conv-Conv-Pool)</translation>
    </message>
    <message>
        <source>Two 3×3 convolutions (padding 1 keeps the size) with twice the channels of the last one, then MaxPool2d(2), which halves the size: inserted before the Flatten.</source>
        <translation>마지막 합성곱의 두 배 채널을 가진 3×3 합성곱 두 개(padding 1이라 크기가 그대로)와 크기를 절반으로 줄이는 MaxPool2d(2)를 Flatten 앞에 넣습니다.</translation>
    </message>
    <message>
        <source>Blocks (each ends at a pooling layer)</source>
        <translation>블록 (각 블록은 풀링 층에서 끝남)</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Parameters: the learnable numbers of the block's layers</source>
        <translation>매개변수: 블록의 층들이 학습하는 수</translation>
    </message>
</context>
<context>
    <name>gsui::ClassificationPage</name>
    <message>
        <source>p(true class) = %1</source>
        <translation>p(정답 클래스) = %1</translation>
    </message>
    <message>
        <source>BCE = %1, CE = %2, NLL(LogSoftmax) = %3: all −log p.
∂BCE/∂p = %4, ∂CE/∂z_true = %5.</source>
        <translation>BCE = %1, CE = %2, NLL(LogSoftmax) = %3: 모두 −log p.
∂BCE/∂p = %4, ∂CE/∂z_정답 = %5.</translation>
    </message>
    <message>
        <source>right: softmax is inside CrossEntropyLoss</source>
        <translation>맞음: softmax는 CrossEntropyLoss 안에 있습니다</translation>
    </message>
    <message>
        <source>right: the same thing in two steps</source>
        <translation>맞음: 같은 계산을 두 단계로</translation>
    </message>
    <message>
        <source>double softmax: squashed, trains slowly</source>
        <translation>softmax 두 번: 눌려서 학습이 느립니다</translation>
    </message>
    <message>
        <source>probabilities, not log-probabilities: −p</source>
        <translation>로그 확률이 아니라 확률: −p</translation>
    </message>
    <message>
        <source>raw logits: −z_true, unbounded below</source>
        <translation>날것의 로짓: −z_정답, 아래로 끝이 없습니다</translation>
    </message>
    <message>
        <source>z → loss: the right and wrong pipelines</source>
        <translation>z → 손실: 맞는 파이프라인과 틀린 파이프라인</translation>
    </message>
    <message>
        <source>softmax(z): CE = −log p_true = %1</source>
        <translation>softmax(z): CE = −log p_정답 = %1</translation>
    </message>
    <message>
        <source>Logits into the loss</source>
        <translation>손실에 넣는 로짓</translation>
    </message>
    <message>
        <source>CrossEntropyLoss and BCEWithLogitsLoss take logits: the softmax or sigmoid is inside them.</source>
        <translation>CrossEntropyLoss와 BCEWithLogitsLoss는 로짓을 받습니다. softmax나 sigmoid가 그 안에 들어 있습니다.</translation>
    </message>
    <message>
        <source>true class t</source>
        <translation>정답 클래스 t</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Gradients by autograd</source>
        <translation>autograd로 구한 기울기</translation>
    </message>
    <message>
        <source>Loss vs p</source>
        <translation>p에 따른 손실</translation>
    </message>
    <message>
        <source>Gradients vs p</source>
        <translation>p에 따른 기울기</translation>
    </message>
    <message>
        <source>Softmax of the logits</source>
        <translation>로짓의 softmax</translation>
    </message>
    <message>
        <source>classification: expected an object</source>
        <translation>classification: 객체가 필요합니다</translation>
    </message>
    <message>
        <source>p: expected 0.01 to 0.99, got %1</source>
        <translation>p: 0.01에서 0.99 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>logits: expected %1 numbers</source>
        <translation>logits: 숫자 %1개가 필요합니다</translation>
    </message>
    <message>
        <source>true_class: expected 0 to %1, got %2</source>
        <translation>true_class: 0에서 %1 사이여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>CE (3 classes)</source>
        <translation>CE (3개 클래스)</translation>
    </message>
    <message>
        <source>class (✓ = true class)</source>
        <translation>클래스 (✓ = 정답 클래스)</translation>
    </message>
    <message>
        <source>Loss vs p: all three are −log p</source>
        <translation>p에 따른 손실: 셋 다 −log p</translation>
    </message>
    <message>
        <source>True-class probability</source>
        <translation>정답 클래스의 확률</translation>
    </message>
    <message>
        <source>∂BCE/∂p = −1/p (of the probability)</source>
        <translation>∂BCE/∂p = −1/p (확률로)</translation>
    </message>
    <message>
        <source>∂CE/∂z_true = p − 1 (of the logit)</source>
        <translation>∂CE/∂z_정답 = p − 1 (로짓으로)</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>분류</translation>
    </message>
</context>
<context>
    <name>gsui::ClassificationPanel</name>
    <message>
        <source>Threshold %1</source>
        <translation>임계값 %1</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>거짓 양성 비율</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>참 양성 비율</translation>
    </message>
    <message>
        <source>ROC (test), AUC = %1</source>
        <translation>ROC (테스트), AUC = %1</translation>
    </message>
    <message>
        <source>true 0</source>
        <translation>실제 0</translation>
    </message>
    <message>
        <source>true 1</source>
        <translation>실제 1</translation>
    </message>
    <message>
        <source>pred 0</source>
        <translation>예측 0</translation>
    </message>
    <message>
        <source>pred 1</source>
        <translation>예측 1</translation>
    </message>
    <message>
        <source>ROC needs two classes</source>
        <translation>ROC에는 클래스가 두 개 필요합니다</translation>
    </message>
    <message>
        <source>pred %1</source>
        <translation>예측 %1</translation>
    </message>
    <message>
        <source>true %1</source>
        <translation>실제 %1</translation>
    </message>
    <message>
        <source>true value</source>
        <translation>실제 값</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>예측값</translation>
    </message>
    <message>
        <source>Test: prediction vs truth</source>
        <translation>테스트: 예측값 대 실제 값</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
</context>
<context>
    <name>gsui::CnnComparePage</name>
    <message>
        <source>Training stopped: %1</source>
        <translation>학습이 멈췄습니다: %1</translation>
    </message>
    <message>
        <source>Both models have trained %1 epochs: raise Epochs, press Step for one more, or Train both to start again.</source>
        <translation>두 모델 모두 %1 에포크을 학습했습니다. 에포크 수를 늘리거나, 한 단계로 한 에포크 더 학습하거나, "둘 다 학습"으로 처음부터 다시 시작하세요.</translation>
    </message>
    <message>
        <source>MLP (%1 parameters)</source>
        <translation>MLP (매개변수 %1개)</translation>
    </message>
    <message>
        <source>CNN (%1 parameters)</source>
        <translation>CNN (매개변수 %1개)</translation>
    </message>
    <message>
        <source>After training, the test images are shifted 0 to %1 pixels to the right and both models are tested again: a person still reads a moved image; does the network?</source>
        <translation>학습이 끝나면 테스트 이미지를 오른쪽으로 0~%1픽셀 옮겨 두 모델을 다시 시험합니다. 사람은 옮겨진 이미지도 그대로 읽습니다. 신경망은 어떨까요?</translation>
    </message>
    <message>
        <source>Shifted by %1 pixels, the MLP loses %2 points of accuracy and the CNN %3.</source>
        <translation>%1픽셀 옮기면 MLP의 정확도는 %2%p, CNN은 %3%p 떨어집니다.</translation>
    </message>
    <message>
        <source>Shifted by %1 pixels, the MLP's accuracy changes by %2 points and the CNN's by %3.</source>
        <translation>%1픽셀 옮기면 MLP의 정확도는 %2%p, CNN은 %3%p 변합니다.</translation>
    </message>
    <message>
        <source>The MLP flattened each %1×%1 image into %2 numbers, every weight tied to one pixel position, so a moved stroke meets other weights; the CNN's filters slide over the image and pooling forgives small moves.</source>
        <translation>MLP는 %1×%1 이미지를 숫자 %2개로 펼쳐서 가중치 하나하나가 한 픽셀 위치에 묶여 있으므로, 옮겨진 획은 다른 가중치를 만납니다. CNN의 필터는 이미지 위를 미끄러지며, 풀링은 작은 이동을 너그럽게 받아 줍니다.</translation>
    </message>
    <message>
        <source>Here the CNN held up no better than the MLP: train it more epochs and look again.</source>
        <translation>이번에는 CNN이 MLP보다 잘 버티지 못했습니다. 에포크을 늘려 학습한 뒤 다시 보세요.</translation>
    </message>
    <message>
        <source>Could not train: %1</source>
        <translation>학습할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Loading the images and building both models…</source>
        <translation>이미지를 불러오고 두 모델을 만드는 중…</translation>
    </message>
    <message>
        <source>Training… epoch %1: MLP %2 %, CNN %3 %</source>
        <translation>학습 중… 에포크 %1: MLP %2 %, CNN %3 %</translation>
    </message>
    <message>
        <source>Paused after epoch %1: Play continues.</source>
        <translation>에포크 %1 뒤에 일시 정지했습니다. 재생하면 이어집니다.</translation>
    </message>
    <message>
        <source>Press Train both: the MLP and the CNN learn from the same images, with the same optimizer and seed.</source>
        <translation>"둘 다 학습"을 누르세요. MLP와 CNN이 같은 이미지로, 같은 최적화 기법과 시드로 학습합니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Flatten → Linear 128 → ReLU → Linear 10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Flatten → Linear 128 → ReLU → Linear 10</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Conv2d 16 (5×5) → ReLU → MaxPool 2 → Conv2d 32 (5×5) → ReLU → MaxPool 2 → Flatten → Linear 64 → ReLU → Linear 10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Conv2d 16 (5×5) → ReLU → MaxPool 2 → Conv2d 32 (5×5) → ReLU → MaxPool 2 → Flatten → Linear 64 → ReLU → Linear 10</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1픽셀</translation>
    </message>
    <message>
        <source>MLP vs CNN</source>
        <translation>MLP 대 CNN</translation>
    </message>
    <message>
        <source>MLP vs CNN: accuracy per epoch</source>
        <translation>MLP 대 CNN: 에포크별 정확도</translation>
    </message>
    <message>
        <source>MLP vs CNN: accuracy on shifted images</source>
        <translation>MLP 대 CNN: 옮긴 이미지의 정확도</translation>
    </message>
    <message>
        <source>MLP vs CNN: shifted test images</source>
        <translation>MLP 대 CNN: 옮긴 테스트 이미지</translation>
    </message>
    <message>
        <source>Same images, two networks</source>
        <translation>같은 이미지, 두 신경망</translation>
    </message>
    <message>
        <source>The two models</source>
        <translation>두 모델</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>A seeded subset of the data set; 20 % of it is held out for testing</source>
        <translation>시드로 고른 데이터셋의 일부. 그중 20 %는 테스트용으로 떼어 둡니다</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Train both</source>
        <translation>둘 다 학습</translation>
    </message>
    <message>
        <source>Trains the MLP and the CNN from scratch, one epoch each in turn (Play continues, Step adds one epoch)</source>
        <translation>MLP와 CNN을 처음부터 한 에포크씩 번갈아 학습합니다 (재생은 이어서 학습, 한 단계는 한 에포크 추가)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>test accuracy (%)</source>
        <translation>테스트 정확도 (%)</translation>
    </message>
    <message>
        <source>Test accuracy per epoch</source>
        <translation>에포크별 테스트 정확도</translation>
    </message>
    <message>
        <source>Move the images: who still recognises them?</source>
        <translation>이미지를 옮기면 누가 여전히 알아볼까?</translation>
    </message>
    <message>
        <source>Test images, original and shifted %1 pixels right (the black strip is the zero fill); ✓ = right on the shifted image</source>
        <translation>테스트 이미지: 원본과 오른쪽으로 %1픽셀 옮긴 것 (검은 띠는 0으로 채운 부분). ✓ = 옮긴 이미지를 맞힘</translation>
    </message>
    <message>
        <source>shift to the right</source>
        <translation>오른쪽으로 옮긴 거리</translation>
    </message>
    <message>
        <source>Digits 8×8</source>
        <translation>손글씨 숫자 8×8</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Handwritten digits: 1,797 images of 8×8 pixels</source>
        <translation>손글씨 숫자: 8×8 픽셀 이미지 1,797개</translation>
    </message>
    <message>
        <source>Fashion-MNIST: clothes, 28×28 pixels</source>
        <translation>Fashion-MNIST: 옷 이미지, 28×28 픽셀</translation>
    </message>
    <message>
        <source>After epoch %1: MLP %2 %, CNN %3 % on the test images.</source>
        <translation>에포크 %1 후: 테스트 이미지에서 MLP %2 %, CNN %3 %.</translation>
    </message>
    <message>
        <source>Press Train both: each epoch adds a point per model here.</source>
        <translation>둘 다 학습을 누르세요. 에포크마다 모델별로 점이 하나씩 여기에 찍힙니다.</translation>
    </message>
    <message>
        <source>After training, bars show each model's accuracy on images moved right.</source>
        <translation>학습이 끝나면 오른쪽으로 옮긴 이미지에 대한 모델별 정확도가 막대로 나타납니다.</translation>
    </message>
</context>
<context>
    <name>gsui::CnnLab</name>
    <message>
        <source>page: expected 0 to %1, got %2</source>
        <translation>page: 0부터 %1까지여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>train: %1</source>
        <translation>train: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>gsui::CnnPage</name>
    <message>
        <source>Fashion-MNIST is not installed (looked in %1): install Debian's package dataset-fashion-mnist (sudo apt install dataset-fashion-mnist) or set GRADSCOPE_FASHION_MNIST_DIR. The digits work without it.</source>
        <translation>Fashion-MNIST가 설치되어 있지 않습니다 (%1에서 찾음). 데비안 패키지 dataset-fashion-mnist를 설치하거나 (sudo apt install dataset-fashion-mnist) GRADSCOPE_FASHION_MNIST_DIR을 지정하세요. 손글씨 숫자는 이것 없이도 됩니다.</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>티셔츠/탑</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>바지</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>풀오버</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>드레스</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>코트</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>샌들</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>셔츠</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>운동화</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>가방</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>앵클 부츠</translation>
    </message>
</context>
<context>
    <name>gsui::CnnTrainPage</name>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Digits (8×8)</source>
        <translation>손글씨 숫자 (8×8)</translation>
    </message>
    <message>
        <source>Fashion-MNIST (28×28)</source>
        <translation>Fashion-MNIST (28×28)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Images used</source>
        <translation>사용할 이미지 수</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>LeNet-like</source>
        <translation>LeNet 스타일</translation>
    </message>
    <message>
        <source>VGG-style (Conv-Conv-Pool)</source>
        <translation>VGG 스타일 (Conv-Conv-Pool)</translation>
    </message>
    <message>
        <source>Residual blocks</source>
        <translation>잔차 블록</translation>
    </message>
    <message>
        <source>MLP (no convolution)</source>
        <translation>MLP (합성곱 없음)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>최적화 기법</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Mistakes on purpose</source>
        <translation>일부러 하는 실수</translation>
    </message>
    <message>
        <source>No Flatten before Linear</source>
        <translation>Linear 앞에 Flatten 없음</translation>
    </message>
    <message>
        <source>Learning rate too high (%1)</source>
        <translation>너무 큰 학습률 (%1)</translation>
    </message>
    <message>
        <source>Wrong input channels (3)</source>
        <translation>잘못된 입력 채널 (3)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Filters (layer 1)</source>
        <translation>필터 (1층)</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Draw with the left mouse button, erase with the right one.</source>
        <translation>왼쪽 버튼으로 그리고 오른쪽 버튼으로 지웁니다.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Train a CNN</source>
        <translation>CNN 학습</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>%1 parameters in all</source>
        <translation>매개변수 모두 %1개</translation>
    </message>
    <message>
        <source>Loading the images…</source>
        <translation>이미지를 불러오는 중…</translation>
    </message>
    <message>
        <source>Ready: press Play or Step.</source>
        <translation>준비됨: 재생이나 한 단계를 누르세요.</translation>
    </message>
    <message>
        <source>Test accuracy %1 %</source>
        <translation>테스트 정확도 %1 %</translation>
    </message>
    <message>
        <source>%1 images of %2 recognised</source>
        <translation>실제 %2인 이미지 %1개를 맞혔습니다</translation>
    </message>
    <message>
        <source>%1 images of %2 taken for %3</source>
        <translation>실제 %2인 이미지 %1개를 %3(으)로 예측했습니다</translation>
    </message>
    <message>
        <source> (first %1)</source>
        <translation> (처음 %1개)</translation>
    </message>
    <message>
        <source>under each: the probability given to %1</source>
        <translation>각 이미지 아래: %1에 준 확률</translation>
    </message>
    <message>
        <source>Open a network</source>
        <translation>네트워크 열기</translation>
    </message>
    <message>
        <source>Network, or a scenario of this lab (*.json)</source>
        <translation>네트워크 또는 이 실습의 시나리오 (*.json)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>CNN training curves</source>
        <translation>CNN 학습 곡선</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>혼동 행렬</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특징 맵</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <source>Open a network saved by the network builder, or a scenario of this lab</source>
        <translation>신경망 만들기에서 저장한 네트워크나 이 실습의 시나리오를 엽니다</translation>
    </message>
    <message>
        <source>train acc.</source>
        <translation>학습 정확도</translation>
    </message>
    <message>
        <source>test acc.</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>After the first epoch: click a cell of the matrix to see its images here.</source>
        <translation>첫 에포크가 끝나면 행렬의 칸을 눌러 그 칸의 이미지를 여기서 보세요.</translation>
    </message>
    <message>
        <source>Click a test image to see its feature maps:</source>
        <translation>테스트 이미지를 누르면 그 특징 맵이 보입니다:</translation>
    </message>
    <message>
        <source>Epoch %1 · step %2</source>
        <translation>에포크 %1 · 단계 %2</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>초당 %1단계</translation>
    </message>
    <message>
        <source>Layer %1 (%2): %3</source>
        <translation>%1번 층 (%2): %3</translation>
    </message>
    <message>
        <source>Your own network</source>
        <translation>직접 만든 네트워크</translation>
    </message>
    <message>
        <source>From the builder</source>
        <translation>신경망 만들기에서 가져오기</translation>
    </message>
    <message>
        <source>Train the network the Network builder lab shows now</source>
        <translation>신경망 만들기 실습에 지금 있는 네트워크를 학습합니다</translation>
    </message>
    <message>
        <source>No network in the builder yet: open the Network builder lab, build a network, then come back.</source>
        <translation>빌더에 아직 네트워크가 없습니다. 신경망 만들기 실습을 열어 네트워크를 만든 뒤 돌아오세요.</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Each training batch is shifted, turned, scaled and changed in contrast at random</source>
        <translation>학습 배치마다 무작위로 이동, 회전, 확대·축소하고 대비를 바꿉니다</translation>
    </message>
    <message>
        <source>The network is still loading.</source>
        <translation>네트워크를 아직 불러오는 중입니다.</translation>
    </message>
    <message>
        <source>The weights were not saved: %1</source>
        <translation>가중치를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The weights were not loaded (nothing changed): %1</source>
        <translation>가중치를 불러오지 못했습니다(아무것도 바뀌지 않음): %1</translation>
    </message>
    <message>
        <source>B stopped: %1</source>
        <translation>B 중지: %1</translation>
    </message>
    <message>
        <source>The run could not be forked: %1</source>
        <translation>실행을 포크할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>A fork compares one training change: the optimizer, the learning rate or the batch size. End the fork to change the data, the network or the other mistakes.</source>
        <translation>포크는 학습 설정 한 가지의 변화를 비교합니다: 최적화 기법, 학습률, 배치 크기. 데이터나 네트워크, 다른 실수를 바꾸려면 포크를 끝내세요.</translation>
    </message>
    <message>
        <source>lr too high (%1)</source>
        <translation>너무 높은 lr (%1)</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>배치 %1</translation>
    </message>
    <message>
        <source>no change yet</source>
        <translation>아직 바꾼 것 없음</translation>
    </message>
    <message>
        <source>The network is not built yet.</source>
        <translation>네트워크가 아직 만들어지지 않았습니다.</translation>
    </message>
    <message>
        <source>B follows once the network has loaded…</source>
        <translation>네트워크를 다 불러오면 B가 시작됩니다…</translation>
    </message>
    <message>
        <source>Forking: B is being built…</source>
        <translation>포크하는 중: B를 만들고 있습니다…</translation>
    </message>
    <message>
        <source>Forked: B is A. Change one thing: it changes B only.</source>
        <translation>포크됨: 지금 B는 A와 똑같습니다. 한 가지를 바꾸면 B만 바뀝니다.</translation>
    </message>
    <message>
        <source>End the fork (keep A)</source>
        <translation>포크 끝내기 (A 유지)</translation>
    </message>
    <message>
        <source>Fork: compare one change</source>
        <translation>포크: 한 가지만 바꿔 비교</translation>
    </message>
    <message>
        <source>B stops; A trains on with its own settings.</source>
        <translation>B는 멈추고, A는 자기 설정으로 계속 학습합니다.</translation>
    </message>
    <message>
        <source>Run B starts as an exact copy of this run (weights, optimizer state, data order). Then change the optimizer, the learning rate or the batch size: it changes B only, and both train side by side.</source>
        <translation>실행 B가 이 실행의 정확한 복사본(가중치, 최적화 기법의 상태, 데이터 순서)으로 시작합니다. 그다음 최적화 기법, 학습률, 배치 크기를 바꾸면 B만 바뀌고, 두 실행이 나란히 학습합니다.</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B (%1): loss</source>
        <translation>B (%1): 손실</translation>
    </message>
    <message>
        <source>B: epoch %1</source>
        <translation>B: 에포크 %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Your own images…</source>
        <translation>내 이미지…</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>폴더: %1</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>A folder with one subfolder per class holding PNG or JPEG images (torchvision's ImageFolder): flowers/rose/1.jpg, flowers/tulip/2.png, …</source>
        <translation>클래스마다 하위 폴더 하나에 PNG 또는 JPEG 이미지가 든 폴더(torchvision의 ImageFolder): flowers/rose/1.jpg, flowers/tulip/2.png, …</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>이미지 크기</translation>
    </message>
    <message>
        <source>In colour (RGB)</source>
        <translation>컬러 (RGB)</translation>
    </message>
    <message>
        <source>Off: the images are made gray (one channel), as the digits and Fashion-MNIST are</source>
        <translation>끄면 이미지를 회색조(채널 하나)로 바꿉니다. 손글씨 숫자와 Fashion-MNIST처럼요</translation>
    </message>
    <message>
        <source>A folder of images, one subfolder per class</source>
        <translation>이미지 폴더 (클래스마다 하위 폴더 하나)</translation>
    </message>
    <message>
        <source>B: test acc.</source>
        <translation>B: 테스트 정확도</translation>
    </message>
    <message>
        <source>Press Play or Step: the training loss of each step appears here, and the accuracies after each epoch.</source>
        <translation>재생이나 한 단계를 누르세요. 단계마다 학습 손실이, 에포크마다 정확도가 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>gsui::ConvolutionControls</name>
    <message>
        <source>Input image</source>
        <translation>입력 이미지</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>연산</translation>
    </message>
    <message>
        <source>Digits 8×8</source>
        <translation>손글씨 숫자 8×8</translation>
    </message>
    <message>
        <source>Fashion-MNIST 28×28</source>
        <translation>Fashion-MNIST 28×28</translation>
    </message>
    <message>
        <source>Photo 32×32, gray</source>
        <translation>사진 32×32, 흑백</translation>
    </message>
    <message>
        <source>Photo 32×32, 3 channels</source>
        <translation>사진 32×32, 3채널</translation>
    </message>
    <message>
        <source>Which image of the set</source>
        <translation>데이터 세트의 몇 번째 이미지인지</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>최대 풀링</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>평균 풀링</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>항등</translation>
    </message>
    <message>
        <source>Box blur</source>
        <translation>박스 블러</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>샤프닝</translation>
    </message>
    <message>
        <source>Laplacian</source>
        <translation>라플라시안</translation>
    </message>
    <message>
        <source>Custom (edited)</source>
        <translation>사용자 정의(편집됨)</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>kernel_size</source>
        <translation>kernel_size (커널 크기)</translation>
    </message>
    <message>
        <source>stride: how far the window moves per output cell</source>
        <translation>stride: 출력 한 칸마다 창이 움직이는 거리</translation>
    </message>
    <message>
        <source>dilation: gaps between the kernel's taps (1 = none)</source>
        <translation>dilation: 커널 탭 사이의 간격 (1 = 간격 없음)</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>padding as a number of zero rows/columns on each side, or PyTorch's 'valid' (none) and 'same' (output as large as the input)</source>
        <translation>패딩: 각 변에 덧붙이는 0 행/열의 수, 또는 PyTorch의 'valid'(패딩 없음)와 'same'(출력 크기 = 입력 크기)</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>출력 채널</translation>
    </message>
    <message>
        <source>out_channels: one kernel (and one output map) per channel</source>
        <translation>out_channels: 채널마다 커널 하나(와 출력 맵 하나)</translation>
    </message>
    <message>
        <source>Image no.</source>
        <translation>이미지 번호</translation>
    </message>
    <message>
        <source>Sobel y</source>
        <translation>소벨 y</translation>
    </message>
    <message>
        <source>Sobel x</source>
        <translation>소벨 x</translation>
    </message>
    <message>
        <source>Sobel y: the change from top to bottom, so it finds horizontal edges</source>
        <translation>소벨 y: 위에서 아래로의 변화, 그래서 가로 경계를 찾습니다</translation>
    </message>
    <message>
        <source>Sobel x: the change from left to right, so it finds vertical edges</source>
        <translation>소벨 x: 왼쪽에서 오른쪽으로의 변화, 그래서 세로 경계를 찾습니다</translation>
    </message>
    <message>
        <source>A ready-made kernel; edit its weights below to make your own</source>
        <translation>미리 만든 커널입니다. 아래에서 가중치를 고쳐 직접 만들 수 있습니다</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>커널 크기</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>팽창</translation>
    </message>
    <message>
        <source>Padding P</source>
        <translation>패딩 P</translation>
    </message>
    <message>
        <source>padding P: zero rows/columns added on each side</source>
        <translation>패딩 P: 각 변에 덧붙이는 0 행/열의 수</translation>
    </message>
    <message>
        <source>explicit (P)</source>
        <translation>직접 지정 (P)</translation>
    </message>
</context>
<context>
    <name>gsui::ConvolutionKernelEditor</name>
    <message>
        <source>A weight of the kernel: type a number, then Enter</source>
        <translation>커널의 가중치: 숫자를 입력하고 Enter</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>출력 채널</translation>
    </message>
    <message>
        <source>input channel</source>
        <translation>입력 채널</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>Which output channel's kernel you edit: weight[o, c]</source>
        <translation>편집할 출력 채널의 커널: weight[o, c]</translation>
    </message>
    <message>
        <source>Which input channel's slice you edit: weight[o, c]</source>
        <translation>편집할 입력 채널 조각: weight[o, c]</translation>
    </message>
</context>
<context>
    <name>gsui::ConvolutionPage</name>
    <message>
        <source>Output size</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <source>Press Step (or click a cell of the output) to move the window one output cell at a time.</source>
        <translation>한 단계를 누르거나 출력의 칸을 클릭하면 창이 출력 한 칸씩 움직입니다.</translation>
    </message>
    <message>
        <source>input: red</source>
        <translation>입력: 빨강</translation>
    </message>
    <message>
        <source>green</source>
        <translation>초록</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <source>input %1×%2, padded</source>
        <translation>입력 %1×%2, 패딩 포함</translation>
    </message>
    <message>
        <source>input %1×%2</source>
        <translation>입력 %1×%2</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>출력 %1</translation>
    </message>
    <message>
        <source>output channel %1</source>
        <translation>출력 채널 %1</translation>
    </message>
    <message>
        <source>Every output cell is filled. Reset to start again.</source>
        <translation>출력의 모든 칸이 채워졌습니다. 처음으로 버튼을 누르면 다시 시작합니다.</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Convolution, step by step</source>
        <translation>합성곱, 한 단계씩</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>This window: products and sum</source>
        <translation>이 창: 곱과 합</translation>
    </message>
    <message>
        <source>shape [N, C, H, W] = [1, %1, %2, %3]</source>
        <translation>모양 [N, C, H, W] = [1, %1, %2, %3]</translation>
    </message>
</context>
<context>
    <name>gsui::CsvImportDialog</name>
    <message>
        <source>Import CSV</source>
        <translation>CSV 가져오기</translation>
    </message>
    <message>
        <source>a CSV file: comma or semicolon between values, with or without a header</source>
        <translation>CSV 파일: 값 사이에 쉼표나 세미콜론, 머리글은 있어도 없어도 됩니다</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>classification (two classes)</source>
        <translation>분류(두 클래스)</translation>
    </message>
    <message>
        <source>regression (a number)</source>
        <translation>회귀(숫자)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>x₁ column</source>
        <translation>x₁ 열</translation>
    </message>
    <message>
        <source>x₂ column</source>
        <translation>x₂ 열</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>레이블 열</translation>
    </message>
    <message>
        <source>Import a CSV table</source>
        <translation>CSV 표 가져오기</translation>
    </message>
    <message>
        <source>CSV table (*.csv *.txt *.tsv *.gz);;All files (*)</source>
        <translation>CSV 표 (*.csv *.txt *.tsv *.gz);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>세미콜론</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>쉼표</translation>
    </message>
    <message>
        <source>%1 rows, %2 columns named by the header; values separated by %3.</source>
        <translation>%1행, 머리글이 이름을 붙인 %2열. 값은 %3(으)로 구분됩니다.</translation>
    </message>
    <message>
        <source>%1 rows, %2 columns, no header; values separated by %3.</source>
        <translation>%1행, %2열, 머리글 없음. 값은 %3(으)로 구분됩니다.</translation>
    </message>
    <message>
        <source>(none: y against x₁)</source>
        <translation>(없음: x₁에 대한 y)</translation>
    </message>
    <message>
        <source>Value column</source>
        <translation>값 열</translation>
    </message>
    <message>
        <source>Choose a CSV file first.</source>
        <translation>먼저 CSV 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Two classes are drawn on the plane of x₁ and x₂: choose a column for each (or the task regression, which fits y against x₁).</source>
        <translation>두 클래스는 x₁과 x₂의 평면에 그려집니다. 각각에 열을 하나씩 고르세요(또는 x₁에 대해 y를 맞추는 회귀 작업을 고르세요).</translation>
    </message>
    <message>
        <source>%1: no such file.</source>
        <translation>%1: 그런 파일이 없습니다.</translation>
    </message>
    <message>
        <source>%1 holds more than %2 MiB; a data file this large is refused.</source>
        <translation>%1은(는) %2 MiB가 넘습니다. 이렇게 큰 데이터 파일은 받지 않습니다.</translation>
    </message>
    <message>
        <source>%1 is empty: no line holds a value.</source>
        <translation>%1이(가) 비어 있습니다: 값이 있는 줄이 없습니다.</translation>
    </message>
    <message>
        <source>%1, line %2: more than %3 rows; a table this long is refused (take a sample of it).</source>
        <translation>%1, %2번째 줄: %3행이 넘습니다. 이렇게 긴 표는 받지 않습니다(일부를 표본으로 뽑으세요).</translation>
    </message>
    <message>
        <source>%1, line %2: %3 values where the table has %4 columns; every row needs one value per column.</source>
        <translation>%1, %2번째 줄: 표는 %4열인데 값이 %3개입니다. 모든 행에 열마다 값이 하나씩 있어야 합니다.</translation>
    </message>
    <message>
        <source>%1 has no column "%2" (its columns: %3).</source>
        <translation>%1에는 "%2" 열이 없습니다(열: %3).</translation>
    </message>
    <message>
        <source>The column "%1" is chosen twice; choose different columns.</source>
        <translation>"%1" 열을 두 번 골랐습니다. 서로 다른 열을 고르세요.</translation>
    </message>
    <message>
        <source>%1, line %2, column "%3": the value is missing; this column needs a number.</source>
        <translation>%1, %2번째 줄, "%3" 열: 값이 없습니다. 이 열에는 숫자가 필요합니다.</translation>
    </message>
    <message>
        <source>%1, line %2, column "%3": "%4" is not a number.</source>
        <translation>%1, %2번째 줄, "%3" 열: "%4"은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>%1, line %2, column "%3": "%4" is not a finite number (nan and inf cannot be learned from).</source>
        <translation>%1, %2번째 줄, "%3" 열: "%4"은(는) 유한한 숫자가 아닙니다(nan과 inf로는 학습할 수 없습니다).</translation>
    </message>
    <message>
        <source>%1 has %2 data rows; at least %3 are needed to train and to test.</source>
        <translation>%1에는 데이터 행이 %2개뿐입니다. 학습과 테스트에 적어도 %3개가 필요합니다.</translation>
    </message>
    <message>
        <source>Every label in "%1" is "%2": a classifier needs two classes.</source>
        <translation>"%1"의 레이블이 모두 "%2"입니다: 분류기에는 두 클래스가 필요합니다.</translation>
    </message>
    <message>
        <source>"%1" has %2 classes (%3); the Playground classifies two. Choose a column with two values, or the task regression.</source>
        <translation>"%1"에는 클래스가 %2개 있습니다(%3). 플레이그라운드는 두 클래스를 분류합니다. 값이 두 가지인 열을 고르거나 회귀 작업을 고르세요.</translation>
    </message>
    <message>
        <source>Every value of "%1" is %2: a target that never changes leaves nothing to learn.</source>
        <translation>"%1"의 값이 모두 %2입니다: 변하지 않는 목표값에서는 배울 것이 없습니다.</translation>
    </message>
</context>
<context>
    <name>gsui::CuresPage</name>
    <message>
        <source>base</source>
        <translation>기준</translation>
    </message>
    <message>
        <source>with cures</source>
        <translation>처방 적용</translation>
    </message>
    <message>
        <source>%1: training</source>
        <translation>%1: 학습</translation>
    </message>
    <message>
        <source>%1: validation</source>
        <translation>%1: 검증</translation>
    </message>
    <message>
        <source> best epoch %1: weights restored</source>
        <translation> 최고 에포크 %1: 가중치 복원</translation>
    </message>
    <message>
        <source> best epoch %1</source>
        <translation> 최고 에포크 %1</translation>
    </message>
    <message>
        <source>training: base epoch %1, with cures epoch %2</source>
        <translation>학습 중: 기준 에포크 %1, 처방 적용 에포크 %2</translation>
    </message>
    <message>
        <source>Press Play (or Step) to train the base and the cured run.</source>
        <translation>재생(또는 한 단계)을 눌러 기준 학습과 처방 학습을 하세요.</translation>
    </message>
    <message>
        <source>%1: validation loss %2 at the end (lowest %3), test accuracy %4%, |w| &lt; 0.001: %5 of %6 weights</source>
        <translation>%1: 마지막 검증 손실 %2 (최저 %3), 테스트 정확도 %4%, |w| &lt; 0.001: 가중치 %6개 중 %5개</translation>
    </message>
    <message>
        <source>Early stopping: no better validation loss for %1 epochs after epoch %2, so training stopped at epoch %3 and the weights of epoch %2 were restored: validation loss now %4 = epoch %2's %5.</source>
        <translation>조기 종료: 에포크 %2 이후 %1 에포크 동안 검증 손실이 나아지지 않아 에포크 %3에서 멈추고 에포크 %2의 가중치를 복원했습니다: 지금 검증 손실 %4 = 에포크 %2의 %5.</translation>
    </message>
    <message>
        <source>Early stopping never ran out of patience: the best epoch was %1.</source>
        <translation>조기 종료의 인내(patience)가 다하지 않았습니다: 최고 에포크는 %1입니다.</translation>
    </message>
    <message>
        <source>The base run overfits: its training loss falls towards 0 while its validation loss turns up.</source>
        <translation>기준 학습은 과적합합니다: 학습 손실은 0으로 내려가는데 검증 손실은 다시 올라갑니다.</translation>
    </message>
    <message>
        <source>Cures</source>
        <translation>처방</translation>
    </message>
    <message>
        <source>Loss curves with and without the cures</source>
        <translation>처방 유무에 따른 손실 곡선</translation>
    </message>
    <message>
        <source>Hidden-layer weights</source>
        <translation>은닉층 가중치</translation>
    </message>
    <message>
        <source>Cures (same seed as the base run)</source>
        <translation>처방 (기준 학습과 같은 시드)</translation>
    </message>
    <message>
        <source>L2 (weight decay) λ</source>
        <translation>L2 (가중치 감쇠) λ</translation>
    </message>
    <message>
        <source>L1 λ</source>
        <translation>L1 λ</translation>
    </message>
    <message>
        <source>Dropout p</source>
        <translation>드롭아웃 p</translation>
    </message>
    <message>
        <source>Early stopping, patience</source>
        <translation>조기 종료, 인내 에포크</translation>
    </message>
    <message>
        <source>Batch normalization</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>Loss per epoch (dashed: base, solid: with cures)</source>
        <translation>에포크별 손실 (점선: 기준, 실선: 처방 적용)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>Hidden-layer weights (count, log scale)</source>
        <translation>은닉층 가중치 (개수, 로그 눈금)</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>가중치 값</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>l1, l2: expected 0 to 0.1</source>
        <translation>l1, l2: 0에서 0.1 사이여야 합니다</translation>
    </message>
    <message>
        <source>dropout: expected 0 to 0.9, got %1</source>
        <translation>dropout: 0에서 0.9 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>patience: expected 0 to 50, got %1</source>
        <translation>patience: 0에서 50 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>No cure is ticked, so there is nothing to compare: tick one or more cures, then press Play to train the cured run on the same seed.</source>
        <translation>고른 처방이 없어 비교할 것이 없습니다: 처방을 하나 이상 고르고 재생을 누르면 같은 시드로 처방 학습을 합니다.</translation>
    </message>
    <message>
        <source>No cure is ticked: Play trains the base run only. Tick one or more cures to train a cured run on the same seed beside it.</source>
        <translation>고른 처방이 없습니다: 재생하면 기준 학습만 합니다. 처방을 하나 이상 고르면 같은 시드로 처방 학습을 나란히 합니다.</translation>
    </message>
    <message>
        <source>Data augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Each epoch, every training image is randomly shifted, rotated and changed in contrast.</source>
        <translation>에포크마다 모든 학습 이미지를 무작위로 이동하고 회전하고 대비를 바꿉니다.</translation>
    </message>
    <message>
        <source>l2, l1, dropout, patience: expected numbers; augment, batch_norm: expected true or false</source>
        <translation>l2, l1, dropout, patience: 숫자여야 합니다. augment, batch_norm: true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>Press Play: the training and validation losses of the base run and of the cured run appear here, epoch by epoch.</source>
        <translation>재생을 누르세요. 기준 학습과 처방한 학습의 학습 손실과 검증 손실이 에포크마다 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>The weights of both runs, after training.</source>
        <translation>학습이 끝나면 두 학습의 가중치가 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>gsui::DescentLab</name>
    <message>
        <source>batch GD (all %1)</source>
        <translation>배치 GD (%1개 전부)</translation>
    </message>
    <message>
        <source>SGD (1 sample)</source>
        <translation>SGD (샘플 1개)</translation>
    </message>
    <message>
        <source>mini-batch (%1)</source>
        <translation>미니배치 (%1개)</translation>
    </message>
    <message>
        <source>a = %1</source>
        <translation>a = %1</translation>
    </message>
    <message>
        <source>b = %1</source>
        <translation>b = %1</translation>
    </message>
    <message>
        <source>mini-batch size = %1</source>
        <translation>미니배치 크기 = %1</translation>
    </message>
    <message>
        <source>Loss per step</source>
        <translation>단계별 손실</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>y per step (dots) and (1 − 2b·lr)ᵏ·y₀ (line)</source>
        <translation>단계별 y (점)와 (1 − 2b·lr)ᵏ·y₀ (선)</translation>
    </message>
    <message>
        <source>x per step (dots) and (1 − 2a·lr)ᵏ·x₀ (line)</source>
        <translation>단계별 x (점)와 (1 − 2a·lr)ᵏ·x₀ (선)</translation>
    </message>
    <message>
        <source>The data and the fitted line at a few steps</source>
        <translation>데이터와 몇 단계에서 맞춘 직선</translation>
    </message>
    <message>
        <source>data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>step %1: w=%2, b=%3</source>
        <translation>%1단계: w=%2, b=%3</translation>
    </message>
    <message>
        <source>%1: diverged at step %2</source>
        <translation>%1: %2단계에서 발산</translation>
    </message>
    <message>
        <source>%1: flying off</source>
        <translation>%1: 멀리 날아가는 중</translation>
    </message>
    <message>
        <source>%1: loss %2 at step %3</source>
        <translation>%1: %3단계 손실 %2</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>비용</translation>
    </message>
    <message>
        <source>Bowl f = a·x² + b·y²</source>
        <translation>그릇 f = a·x² + b·y²</translation>
    </message>
    <message>
        <source>Learning rates (gradient descent)</source>
        <translation>학습률 (경사 하강법)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계 수</translation>
    </message>
    <message>
        <source>Log scale for the loss</source>
        <translation>손실을 로그 눈금으로</translation>
    </message>
    <message>
        <source>Batch vs SGD vs mini-batch</source>
        <translation>배치 대 SGD 대 미니배치</translation>
    </message>
    <message>
        <source>Compare batch, SGD and mini-batch</source>
        <translation>배치, SGD, 미니배치 비교</translation>
    </message>
    <message>
        <source>Plain GD on a·x² converges iff 0 &lt; lr &lt; 1/a and zig-zags above 1/(2a). The steepest direction here has a = %1: the largest stable rate is %2 (red mark).</source>
        <translation>a·x²에서 경사 하강법은 0 &lt; lr &lt; 1/a일 때만 수렴하고, 1/(2a)보다 크면 지그재그로 움직입니다. 여기서 가장 가파른 방향은 a = %1이므로 안정적인 최대 학습률은 %2입니다 (빨간 표시).</translation>
    </message>
    <message>
        <source>Drag the start on the contour. Each step moves (w, b) against the gradient of the MSE.</source>
        <translation>등고선 위에서 시작점을 끌어 보세요. 매 단계 (w, b)가 MSE 기울기의 반대 방향으로 움직입니다.</translation>
    </message>
    <message>
        <source>Contour and paths</source>
        <translation>등고선과 경로</translation>
    </message>
    <message>
        <source>Second view</source>
        <translation>두 번째 그래프</translation>
    </message>
    <message>
        <source>Line fit: MSE(w, b)</source>
        <translation>직선 맞추기: MSE(w, b)</translation>
    </message>
    <message>
        <source>f = %1·x² + %2·y²   step %3</source>
        <translation>f = %1·x² + %2·y²   %3단계</translation>
    </message>
    <message>
        <source>MSE(w, b) of y = w·x + b   step %1</source>
        <translation>y = w·x + b의 MSE(w, b)   %1단계</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>3차원</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>%1: f = %2</source>
        <translation>%1: f = %2</translation>
    </message>
</context>
<context>
    <name>gsui::EngineMessage</name>
    <message>
        <source>This graph was already used by a backward() call and its saved values were freed, so %1 cannot run again. Recompute the forward pass, or call backward(retain_graph=true) the first time if you really need two backward passes through the same graph.</source>
        <translation>이 그래프는 이미 backward() 호출에 쓰여 저장된 값이 해제되었으므로 %1을(를) 다시 실행할 수 없습니다. 순전파를 다시 계산하거나, 같은 그래프로 역전파를 정말 두 번 해야 한다면 처음에 backward(retain_graph=true)로 호출하세요.</translation>
    </message>
    <message>
        <source>A tensor that %1 saved for backward (%2, shape %3) was changed by an in-place operation after it was used, so its gradient would be wrong. Use the out-of-place version (x = x + 1 instead of x += 1 / x.add_(1)) or clone() before changing it.</source>
        <translation>%1이(가) 역전파를 위해 저장한 텐서(%2, 모양 %3)가 사용된 뒤 제자리(in-place) 연산으로 바뀌어 기울기가 틀리게 됩니다. 제자리가 아닌 버전(x += 1 / x.add_(1) 대신 x = x + 1)을 쓰거나, 바꾸기 전에 clone()하세요.</translation>
    </message>
    <message>
        <source>backward() found nothing to differentiate: this tensor was not computed from any tensor with requires_grad=True (or it was computed under no_grad). Create the parameters with requires_grad=True, e.g. w = torch.tensor([...], requires_grad=True).</source>
        <translation>backward()가 미분할 대상을 찾지 못했습니다. 이 텐서는 requires_grad=True인 텐서로부터 계산되지 않았습니다(또는 no_grad 아래에서 계산되었습니다). 매개변수를 requires_grad=True로 만드세요. 예: w = torch.tensor([...], requires_grad=True).</translation>
    </message>
    <message>
        <source>backward() can only start from a single number (a scalar), but this output has shape %1 (%2 values). Reduce it to one number first, e.g. y.sum().backward() or y.mean().backward(), or pass a gradient of the same shape: y.backward(torch.ones_like(y)).</source>
        <translation>backward()는 숫자 하나(스칼라)에서만 시작할 수 있는데, 이 출력의 모양은 %1(값 %2개)입니다. 먼저 숫자 하나로 줄이세요. 예: y.sum().backward() 또는 y.mean().backward(). 아니면 같은 모양의 기울기를 넘기세요: y.backward(torch.ones_like(y)).</translation>
    </message>
    <message>
        <source>the gradient passed to backward() has shape %1 but the output has shape %2; they must match.</source>
        <translation>backward()에 넘긴 기울기의 모양은 %1인데 출력의 모양은 %2입니다. 둘이 같아야 합니다.</translation>
    </message>
    <message>
        <source>requires_grad can only be changed on leaf tensors (ones you created, not results of operations). To stop gradients at this tensor, use .detach().</source>
        <translation>requires_grad는 리프 텐서(연산의 결과가 아니라 직접 만든 텐서)에서만 바꿀 수 있습니다. 이 텐서에서 기울기를 끊으려면 .detach()를 쓰세요.</translation>
    </message>
    <message>
        <source>only floating-point tensors can require gradients, but this one is %1: create it with dtype float32/float64 (e.g. torch.tensor([1.0, 2.0])).</source>
        <translation>부동소수점 텐서만 기울기를 가질 수 있는데 이 텐서는 %1입니다. dtype을 float32/float64로 만드세요(예: torch.tensor([1.0, 2.0])).</translation>
    </message>
    <message>
        <source>%1 would change a leaf tensor that requires grad in place, which would corrupt the graph that records how it was used. Update parameters inside `with torch.no_grad():` (gs::NoGradGuard), or use an out-of-place op.</source>
        <translation>%1은(는) requires_grad인 리프 텐서를 제자리에서 바꾸게 되어, 그 텐서가 어떻게 쓰였는지 기록한 그래프를 망가뜨립니다. 매개변수 갱신은 `with torch.no_grad():` (gs::NoGradGuard) 안에서 하거나, 제자리가 아닌 연산을 쓰세요.</translation>
    </message>
    <message>
        <source>%1 on a view of a tensor that requires grad is not supported: clone() the view first, or do it under no_grad.</source>
        <translation>requires_grad인 텐서의 뷰에 %1을(를) 적용할 수 없습니다. 먼저 뷰를 clone()하거나 no_grad 아래에서 하세요.</translation>
    </message>
    <message>
        <source>%1 would write to a tensor in which several elements share one memory cell (it was made by expand or broadcasting: dim %2 has stride 0). clone() it first.</source>
        <translation>%1은(는) 여러 원소가 메모리 칸 하나를 함께 쓰는 텐서에 쓰게 됩니다(expand나 브로드캐스팅으로 만든 텐서: %2번 차원의 stride가 0). 먼저 clone()하세요.</translation>
    </message>
    <message>
        <source>line %1, column %2: unexpected character '%3'</source>
        <translation>%1행 %2열: 예상하지 못한 문자 '%3'</translation>
    </message>
    <message>
        <source>line %1, column %2: unknown function '%3'. Known: sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean, softmax.</source>
        <translation>%1행 %2열: 알 수 없는 함수 %3(). 쓸 수 있는 함수: sigmoid(), tanh(), relu(), exp(), log(), sqrt(), abs(), sum(), mean(), softmax().</translation>
    </message>
    <message>
        <source>line %1, column %2: unknown function '%3'. Did you mean '%4'? Known: sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean, softmax.</source>
        <translation>%1행 %2열: 알 수 없는 함수 %3(). %4()을(를) 뜻했나요? 쓸 수 있는 함수: sigmoid(), tanh(), relu(), exp(), log(), sqrt(), abs(), sum(), mean(), softmax().</translation>
    </message>
    <message>
        <source>line %1, column %2: the program is empty: write at least one line like  y = x * 2</source>
        <translation>%1행 %2열: 프로그램이 비어 있습니다. y = x * 2 같은 줄을 적어도 하나 쓰세요</translation>
    </message>
    <message>
        <source>line %1, column %2: expected '%3' but found %4</source>
        <translation>%1행 %2열: '%3'이(가) 와야 하는데 %4이(가) 있습니다</translation>
    </message>
    <message>
        <source>line %1, column %2: each line must assign a name, like  z = sigmoid(w*x + b)</source>
        <translation>%1행 %2열: 각 줄은 z = sigmoid(w*x + b)처럼 이름에 값을 대입해야 합니다</translation>
    </message>
    <message>
        <source>line %1, column %2: '%3' is a function name; choose another variable name</source>
        <translation>%1행 %2열: %3은(는) 함수 이름입니다. 다른 변수 이름을 고르세요</translation>
    </message>
    <message>
        <source>line %1, column %2: unexpected %3 after the expression</source>
        <translation>%1행 %2열: 식 뒤에 예상하지 못한 %3</translation>
    </message>
    <message>
        <source>line %1, column %2: expected a method name after '.'</source>
        <translation>%1행 %2열: '.' 뒤에 메서드 이름이 와야 합니다</translation>
    </message>
    <message>
        <source>line %1, column %2: '%3' is not a number</source>
        <translation>%1행 %2열: %3은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>line %1, column %2: '%3' is a function: call it, e.g. %3(x)</source>
        <translation>%1행 %2열: %3은(는) 함수입니다. %3(x)처럼 호출하세요</translation>
    </message>
    <message>
        <source>line %1, column %2: expected a number, a name or '(' but found %3</source>
        <translation>%1행 %2열: 숫자, 이름 또는 '('이 와야 하는데 %3이(가) 있습니다</translation>
    </message>
    <message>
        <source>line %1, column %2: '%3' has no value: give the leaf a value</source>
        <translation>%1행 %2열: %3에 값이 없습니다. 리프에 값을 주세요</translation>
    </message>
    <message>
        <source>the end of the program</source>
        <translation>프로그램의 끝</translation>
    </message>
    <message>
        <source>the end of the line</source>
        <translation>줄의 끝</translation>
    </message>
    <message>
        <source>dim %1 does not exist for a tensor with %2 dimension(s); valid dims are %3.</source>
        <translation>%2차원 텐서에는 dim %1이 없습니다. 쓸 수 있는 dim은 %3입니다.</translation>
    </message>
    <message>
        <source>shapes %1 and %2 cannot be broadcast: aligned from the right, dimension %3 has sizes %4 and %5, and neither is 1.</source>
        <translation>모양 %1과(와) %2은(는) 브로드캐스트할 수 없습니다. 오른쪽부터 맞추면 %3번 차원의 크기가 %4와(과) %5인데, 어느 쪽도 1이 아닙니다.</translation>
    </message>
    <message>
        <source>%1: the operands live on different devices (%2 and %3). Move one with .to(...) so both are on the same device.</source>
        <translation>%1: 피연산자가 서로 다른 장치(%2, %3)에 있습니다. .to(...)로 하나를 옮겨 같은 장치에 두세요.</translation>
    </message>
    <message>
        <source>item() needs a tensor with exactly one element, but this one has shape %1 (%2 elements). Reduce it first (sum, mean) or index one element.</source>
        <translation>item()에는 원소가 정확히 하나인 텐서가 필요한데, 이 텐서의 모양은 %1(원소 %2개)입니다. 먼저 줄이거나(sum, mean) 원소 하나를 인덱싱하세요.</translation>
    </message>
    <message>
        <source>view() cannot give shape %1 to this tensor without copying: its memory layout (strides %2, e.g. after transpose/permute) is not contiguous. Use .reshape(...) (which copies when it must) or call .contiguous() first.</source>
        <translation>view()는 복사 없이 이 텐서에 모양 %1을(를) 줄 수 없습니다. 메모리 배치(stride %2, 예를 들어 transpose/permute 뒤)가 연속(contiguous)이 아닙니다. .reshape(...)(필요하면 복사)를 쓰거나 먼저 .contiguous()를 호출하세요.</translation>
    </message>
    <message>
        <source>only one dimension can be -1 (inferred) in %1</source>
        <translation>%1에서 -1(추론)은 한 차원에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>shape %1 cannot hold the %2 elements of this tensor: the sizes must multiply to %2.</source>
        <translation>모양 %1에는 이 텐서의 원소 %2개가 들어가지 않습니다. 크기를 곱하면 %2이(가) 되어야 합니다.</translation>
    </message>
    <message>
        <source>cat: tensor %1 has shape %2 but tensor 0 has %3; all sizes must match except in dimension %4.</source>
        <translation>cat: 텐서 %1의 모양은 %2인데 텐서 0은 %3입니다. %4번 차원을 빼고 모든 크기가 같아야 합니다.</translation>
    </message>
    <message>
        <source>stack needs tensors of equal shape, but tensor 0 is %1 and tensor %2 is %3.</source>
        <translation>stack에는 모양이 같은 텐서가 필요한데, 텐서 0은 %1이고 텐서 %2은(는) %3입니다.</translation>
    </message>
    <message>
        <source>matrix product %1 @ %2 is undefined: the first matrix's columns (%3) must equal the second's rows (%4). Check the order of the operands, or transpose one (.t()).</source>
        <translation>행렬 곱 %1 @ %2은(는) 정의되지 않습니다. 첫 행렬의 열 수(%3)와 둘째 행렬의 행 수(%4)가 같아야 합니다. 피연산자의 순서를 확인하거나 하나를 전치(.t())하세요.</translation>
    </message>
    <message>
        <source>bmm: shapes %1 and %2 do not fit: both need the same batch size B, and [B, n, m] @ [B, m, p] needs equal m.</source>
        <translation>bmm: 모양 %1과(와) %2이(가) 맞지 않습니다. 둘 다 배치 크기 B가 같아야 하고, [B, n, m] @ [B, m, p]에서 m이 같아야 합니다.</translation>
    </message>
    <message>
        <source>dot product of vectors of different lengths (%1 and %2)</source>
        <translation>길이가 다른 벡터의 내적(%1, %2)</translation>
    </message>
    <message>
        <source>matmul: the last dim of the first operand (%1) must equal the second-to-last dim of the second (%2): shapes %3 and %4.</source>
        <translation>matmul: 첫 피연산자의 마지막 차원(%1)과 둘째 피연산자의 끝에서 두 번째 차원(%2)이 같아야 합니다. 모양 %3, %4.</translation>
    </message>
    <message>
        <source>Linear(in_features=%1, out_features=%2) got an input whose last dimension is %3 (shape %4); in_features must equal the number of input features.</source>
        <translation>Linear(in_features=%1, out_features=%2)에 마지막 차원이 %3인 입력(모양 %4)이 들어왔습니다. in_features는 입력 특성의 수와 같아야 합니다.</translation>
    </message>
    <message>
        <source>item() turns a one-element tensor into a Python number, but this tensor has %1 elements (shape %2).</source>
        <translation>item()은 원소가 하나인 텐서를 파이썬 숫자로 바꾸는데, 이 텐서에는 원소가 %1개 있습니다(모양 %2).</translation>
    </message>
    <message>
        <source>%1 is not defined: assign it first (%1 = ...).</source>
        <translation>%1이(가) 정의되지 않았습니다. 먼저 대입하세요(%1 = ...).</translation>
    </message>
    <message>
        <source>%1: input has shape %2 but target has shape %3. They must match element for element; broadcasting them would compare every prediction with every target. Reshape one, e.g. target.view(-1, 1) or input.squeeze(1).</source>
        <translation>%1: 입력의 모양은 %2인데 타깃의 모양은 %3입니다. 원소끼리 맞아야 합니다. 브로드캐스트하면 모든 예측을 모든 타깃과 비교하게 됩니다. 하나의 모양을 바꾸세요. 예: target.view(-1, 1) 또는 input.squeeze(1).</translation>
    </message>
    <message>
        <source>reduction must be "mean", "sum" or "none", got "%1"</source>
        <translation>reduction은 "mean", "sum", "none" 중 하나여야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>BCELoss takes probabilities in [0, 1], but input element %1 is %2. If the model outputs logits (no Sigmoid at the end), use BCEWithLogitsLoss instead; otherwise add a Sigmoid.</source>
        <translation>BCELoss는 [0, 1] 범위의 확률을 받는데, 입력의 %1번 원소가 %2입니다. 모델이 로짓을 출력한다면(끝에 Sigmoid 없음) BCEWithLogitsLoss를 쓰고, 아니면 Sigmoid를 추가하세요.</translation>
    </message>
    <message>
        <source>NLLLoss/CrossEntropyLoss take class indices as the target: an int64 tensor of shape [N] with values 0…C−1, but this target is %1. Convert it with target.long() (or give class probabilities of shape [N, C] to CrossEntropyLoss).</source>
        <translation>NLLLoss/CrossEntropyLoss의 타깃은 클래스 인덱스입니다. 값이 0…C−1이고 모양이 [N]인 int64 텐서여야 하는데 이 타깃은 %1입니다. target.long()으로 바꾸세요(또는 CrossEntropyLoss에 모양 [N, C]의 클래스 확률을 주세요).</translation>
    </message>
    <message>
        <source>NLLLoss: target must have shape [%1] (one class index per sample), got %2.</source>
        <translation>NLLLoss: 타깃의 모양은 [%1](샘플마다 클래스 인덱스 하나)이어야 하는데 %2입니다.</translation>
    </message>
    <message>
        <source>NLLLoss expects input [N, C] (log-probabilities of C classes), got %1</source>
        <translation>NLLLoss의 입력은 [N, C](C개 클래스의 로그 확률)여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>CrossEntropyLoss expects input [N, C] (one logit per class), got %1.</source>
        <translation>CrossEntropyLoss의 입력은 [N, C](클래스마다 로짓 하나)여야 하는데 %1입니다.</translation>
    </message>
    <message>
        <source>CrossEntropyLoss expects input [N, C] (one logit per class), got %1: add the batch dimension with unsqueeze(0).</source>
        <translation>CrossEntropyLoss의 입력은 [N, C](클래스마다 로짓 하나)여야 하는데 %1입니다. unsqueeze(0)으로 배치 차원을 추가하세요.</translation>
    </message>
    <message>
        <source>HuberLoss: delta must be positive, got %1</source>
        <translation>HuberLoss: delta는 양수여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>Linear expects [N, features] but gets %1: add a Flatten after the last pooling layer to turn each sample into one vector of %2 features.</source>
        <translation>Linear는 [N, features]를 받는데 %1이(가) 들어옵니다. 마지막 풀링 층 뒤에 Flatten을 추가해 각 샘플을 특성 %2개짜리 벡터 하나로 만드세요.</translation>
    </message>
    <message>
        <source>Linear expects [N, features] but gets %1: add a Flatten before it to turn each sample into one vector of %2 features.</source>
        <translation>Linear는 [N, features]를 받는데 %1이(가) 들어옵니다. 그 앞에 Flatten을 추가해 각 샘플을 특성 %2개짜리 벡터 하나로 만드세요.</translation>
    </message>
    <message>
        <source>Linear(in_features=%1) gets %2 features from the layer before: set in_features to %2 (or leave it out to infer it).</source>
        <translation>Linear(in_features=%1)에 앞 층에서 특성 %2개가 들어옵니다. in_features를 %2(으)로 하세요(또는 빼서 추론하게 하세요).</translation>
    </message>
    <message>
        <source>%1 expects images [N, C, H, W] but gets %2: the data is already flat here. Put %1 before Flatten, or give the model an image input_shape [C, H, W].</source>
        <translation>%1은(는) 이미지 [N, C, H, W]를 받는데 %2이(가) 들어옵니다. 여기서는 데이터가 이미 평평합니다. %1을(를) Flatten 앞에 두거나, 모델에 이미지 input_shape [C, H, W]를 주세요.</translation>
    </message>
    <message>
        <source>%1 expects images [N, C, H, W] but gets %2: give it an input of shape [C, H, W] per sample.</source>
        <translation>%1은(는) 이미지 [N, C, H, W]를 받는데 %2이(가) 들어옵니다. 샘플마다 모양 [C, H, W]의 입력을 주세요.</translation>
    </message>
    <message>
        <source>Conv2d(in_channels=%1) gets %2 channels from the layer before: set in_channels to %2 (or leave it out to infer it).</source>
        <translation>Conv2d(in_channels=%1)가 앞 층에서 채널 %2개를 받습니다. in_channels를 %2(으)로 하세요 (빼 두면 알아서 정합니다).</translation>
    </message>
    <message>
        <source>%1: padding %2 is more than half of kernel_size %3; use padding &lt;= kernel_size / 2.</source>
        <translation>%1: padding %2이(가) kernel_size %3의 절반보다 큽니다. padding &lt;= kernel_size / 2로 하세요.</translation>
    </message>
    <message>
        <source>%1: the %2 window does not fit in the %3 feature map (padding %4). Output size = (H + 2·padding − kernel_size) / stride + 1 would be %5: use a smaller kernel, add padding, or remove a pooling layer before it.</source>
        <translation>%1: %2 창이 %3 특성 맵(padding %4)에 들어가지 않습니다. 출력 크기 = (H + 2·padding − kernel_size) / stride + 1은 %5이(가) 됩니다. 더 작은 커널을 쓰거나, padding을 추가하거나, 그 앞의 풀링 층을 빼세요.</translation>
    </message>
    <message>
        <source>ResidualBlock expects images [N, C, H, W] but gets %1: put it before Flatten.</source>
        <translation>ResidualBlock은 이미지 [N, C, H, W]를 받는데 %1이(가) 들어옵니다. Flatten 앞에 두세요.</translation>
    </message>
    <message>
        <source>ResidualBlock(channels=%1) gets %2 channels: the shortcut adds the input to the output, so both need the same channels.</source>
        <translation>ResidualBlock(channels=%1)에 채널 %2개가 들어옵니다. 지름길이 입력을 출력에 더하므로 둘의 채널 수가 같아야 합니다.</translation>
    </message>
    <message>
        <source>ResidualBlock: kernel_size must be odd so the output keeps the input's size, got %1.</source>
        <translation>ResidualBlock: 출력이 입력의 크기를 유지하도록 kernel_size는 홀수여야 하는데 %1입니다.</translation>
    </message>
    <message>
        <source>Flatten(start_dim=%1, end_dim=%2) does not fit an input %3.</source>
        <translation>Flatten(start_dim=%1, end_dim=%2)이(가) 입력 %3에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>Flatten(start_dim=0) would merge the batch dimension into the features; use start_dim=1 (the default).</source>
        <translation>Flatten(start_dim=0)은 배치 차원을 특성에 합쳐 버립니다. start_dim=1(기본값)을 쓰세요.</translation>
    </message>
    <message>
        <source>%1.p: dropout probability has to be between 0 and 1, got %2</source>
        <translation>%1.p: 드롭아웃 확률은 0과 1 사이여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>ResidualMLPBlock expects [N, features] but gets %1: put a Flatten before it.</source>
        <translation>ResidualMLPBlock은 [N, features]를 받는데 %1이(가) 들어옵니다. 그 앞에 Flatten을 두세요.</translation>
    </message>
    <message>
        <source>ResidualMLPBlock(features=%1) gets %2 features: the shortcut adds the input to the output, so both need the same size.</source>
        <translation>ResidualMLPBlock(features=%1)에 특성 %2개가 들어옵니다. 지름길이 입력을 출력에 더하므로 둘의 크기가 같아야 합니다.</translation>
    </message>
    <message>
        <source>%1 expects [N, C, H, W] but gets %2: use BatchNorm1d after Flatten/Linear.</source>
        <translation>%1은(는) [N, C, H, W]를 받는데 %2이(가) 들어옵니다. Flatten/Linear 뒤에는 BatchNorm1d를 쓰세요.</translation>
    </message>
    <message>
        <source>%1 expects [N, C] or [N, C, L] but gets %2: use BatchNorm2d after Conv2d (before Flatten).</source>
        <translation>%1은(는) [N, C] 또는 [N, C, L]을 받는데 %2이(가) 들어옵니다. Conv2d 뒤(Flatten 앞)에는 BatchNorm2d를 쓰세요.</translation>
    </message>
    <message>
        <source>%1(num_features=%2) gets %3 channels: set num_features to %3.</source>
        <translation>%1(num_features=%2)에 채널 %3개가 들어옵니다. num_features를 %3(으)로 하세요.</translation>
    </message>
    <message>
        <source>%1(num_features=%2) gets %3 features: set num_features to %3.</source>
        <translation>%1(num_features=%2)에 특성 %3개가 들어옵니다. num_features를 %3(으)로 하세요.</translation>
    </message>
    <message>
        <source>%1(dim=%2) is out of range for an input %3.</source>
        <translation>%1(dim=%2)은(는) 입력 %3의 범위를 벗어납니다.</translation>
    </message>
    <message>
        <source>%1(dim=0) normalises across the batch, mixing different samples; use dim=1 (the classes).</source>
        <translation>%1(dim=0)은 배치 방향으로 정규화해 서로 다른 샘플을 섞습니다. dim=1(클래스)을 쓰세요.</translation>
    </message>
    <message>
        <source>its output %1 holds more than 1,000,000,000 numbers per sample; make the layer smaller</source>
        <translation>이 층의 출력 %1은(는) 샘플마다 숫자가 10억 개를 넘습니다. 층을 더 작게 만드세요</translation>
    </message>
    <message>
        <source>the model would have more than 1,000,000,000 parameters here; make the layer smaller</source>
        <translation>여기서 모델의 매개변수가 10억 개를 넘게 됩니다. 층을 더 작게 만드세요</translation>
    </message>
    <message>
        <source>%1: must be positive, got %2</source>
        <translation>%1: 양수여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1: must be a positive integer, got %2</source>
        <translation>%1: 양의 정수여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>padding='same' keeps the output as large as the input, which only a stride of 1 can do: use stride=1, or give padding as numbers.</source>
        <translation>padding='same'은 출력을 입력만큼 크게 유지하는데, 이는 stride가 1일 때만 가능합니다. stride=1을 쓰거나 padding을 숫자로 주세요.</translation>
    </message>
    <message>
        <source>the loss became %1 at step %2 (epoch %3): the learning rate itself is %4 (the scheduler made it so: check its arguments).</source>
        <translation>%2단계(에포크 %3)에서 손실이 %1이(가) 되었습니다. 학습률 자체가 %4입니다(스케줄러가 그렇게 만들었습니다. 스케줄러의 인자를 확인하세요).</translation>
    </message>
    <message>
        <source>the loss became %1 at step %2 (epoch %3): eps is 0, so a coordinate whose gradient has been 0 divides 0 by 0 (nan) in the optimizer's update. Use eps = 1e-8.</source>
        <translation>%2단계(에포크 %3)에서 손실이 %1이(가) 되었습니다. eps가 0이라서 기울기가 계속 0이던 좌표에서 최적화 기법의 갱신이 0을 0으로 나눕니다(nan). eps = 1e-8을 쓰세요.</translation>
    </message>
    <message>
        <source>the loss became %1 at step %2 (epoch %3): the learning rate is 0, so no update caused this: the inputs or the model produce it (are the inputs finite?).</source>
        <translation>%2단계(에포크 %3)에서 손실이 %1이(가) 되었습니다. 학습률이 0이므로 갱신 때문이 아닙니다. 입력이나 모델이 만든 값입니다(입력이 유한한가요?).</translation>
    </message>
    <message>
        <source>the loss became %1 at step %2 (epoch %3): the updates grew instead of shrinking. Lower the learning rate (now %4), or standardize the inputs.</source>
        <translation>%2단계(에포크 %3)에서 손실이 %1이(가) 되었습니다. 갱신이 줄어들지 않고 커졌습니다. 학습률(지금 %4)을 낮추거나 입력을 표준화하세요.</translation>
    </message>
    <message>
        <source>early stopping at epoch %1: %2 has not improved for %3 epochs; the best was epoch %4</source>
        <translation>에포크 %1에서 조기 종료: %2이(가) %3 에포크 동안 나아지지 않았습니다. 가장 좋았던 에포크는 %4입니다</translation>
    </message>
    <message>
        <source>early stopping at epoch %1: %2 has not improved for %3 epochs; the best was epoch %4, whose weights are restored</source>
        <translation>에포크 %1에서 조기 종료: %2이(가) %3 에포크 동안 나아지지 않았습니다. 가장 좋았던 에포크 %4의 가중치를 되돌렸습니다</translation>
    </message>
    <message>
        <source>this GradScope was built without the %1 backend (configure it with the CUDA toolkit installed and -DGRADSCOPE_CUDA=ON)</source>
        <translation>이 GradScope는 %1 백엔드 없이 빌드되었습니다(CUDA 툴킷을 설치하고 -DGRADSCOPE_CUDA=ON으로 구성하세요)</translation>
    </message>
    <message>
        <source>no usable NVIDIA driver or GPU (%1)</source>
        <translation>쓸 수 있는 NVIDIA 드라이버나 GPU가 없습니다(%1)</translation>
    </message>
    <message>
        <source>no NVIDIA GPU was found</source>
        <translation>NVIDIA GPU를 찾지 못했습니다</translation>
    </message>
    <message>
        <source>%1 (compute capability %2) cannot run this GradScope's CUDA kernels, which were built for the architectures %3 (CMAKE_CUDA_ARCHITECTURES)</source>
        <translation>%1(연산 능력 %2)에서는 이 GradScope의 CUDA 커널을 실행할 수 없습니다. 커널은 아키텍처 %3용으로 빌드되었습니다(CMAKE_CUDA_ARCHITECTURES)</translation>
    </message>
    <message>
        <source>the GPU cannot run this GradScope's CUDA kernels, which were built for the architectures %1 (CMAKE_CUDA_ARCHITECTURES)</source>
        <translation>이 GPU에서는 이 GradScope의 CUDA 커널을 실행할 수 없습니다. 커널은 아키텍처 %1용으로 빌드되었습니다(CMAKE_CUDA_ARCHITECTURES)</translation>
    </message>
    <message>
        <source>%1 (compute capability %2) cannot load this GradScope's CUDA kernels (%3)</source>
        <translation>%1(연산 능력 %2)에서 이 GradScope의 CUDA 커널을 불러올 수 없습니다(%3)</translation>
    </message>
    <message>
        <source>the GPU cannot load this GradScope's CUDA kernels (%1)</source>
        <translation>이 GPU에서 이 GradScope의 CUDA 커널을 불러올 수 없습니다(%1)</translation>
    </message>
    <message>
        <source>fashion_mnist: not found in %1 (install Debian's dataset-fashion-mnist, or set GRADSCOPE_FASHION_MNIST_DIR)</source>
        <translation>fashion_mnist: %1에 없습니다(데비안의 dataset-fashion-mnist를 설치하거나 GRADSCOPE_FASHION_MNIST_DIR을 설정하세요)</translation>
    </message>
    <message>
        <source>PyTorch's message: %1</source>
        <translation>PyTorch의 메시지: %1</translation>
    </message>
    <message>
        <source>%1: this file comes with GradScope but is missing (reinstall GradScope)</source>
        <translation>%1: GradScope와 함께 설치되는 파일인데 없습니다(GradScope를 다시 설치하세요)</translation>
    </message>
    <message>
        <source>%1: this file comes with GradScope but cannot be read (%2); reinstall GradScope</source>
        <translation>%1: GradScope와 함께 설치되는 파일인데 읽을 수 없습니다(%2). GradScope를 다시 설치하세요</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: 그런 폴더가 없습니다</translation>
    </message>
    <message>
        <source>%1: no subfolder holds a PNG or JPEG image; the layout is one subfolder per class (%1/cat/1.png, %1/dog/2.jpg)</source>
        <translation>%1: PNG나 JPEG 이미지가 든 하위 폴더가 없습니다. 클래스마다 하위 폴더가 하나씩 있어야 합니다(%1/cat/1.png, %1/dog/2.jpg)</translation>
    </message>
    <message>
        <source>%1: only one class folder holds images (%2); a classifier needs at least two</source>
        <translation>%1: 이미지가 든 클래스 폴더가 하나뿐입니다(%2). 분류기에는 적어도 두 개가 필요합니다</translation>
    </message>
    <message>
        <source>%1: %2 class folders; at most %3 are read</source>
        <translation>%1: 클래스 폴더가 %2개입니다. 최대 %3개까지 읽습니다</translation>
    </message>
    <message>
        <source>%1: %2 images; at most %3 of this size are read (take a sample, or a smaller size)</source>
        <translation>%1: 이미지가 %2장입니다. 이 크기로는 최대 %3장까지 읽습니다(일부만 고르거나 더 작은 크기를 쓰세요)</translation>
    </message>
    <message>
        <source>%1: cannot be read</source>
        <translation>%1: 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>%1: %2 MiB; an image file of more than %3 MiB is refused</source>
        <translation>%1: %2 MiB입니다. %3 MiB보다 큰 이미지 파일은 받지 않습니다</translation>
    </message>
    <message>
        <source>%1: %2×%3 pixels; at most %4 pixels a side are read</source>
        <translation>%1: %2×%3 픽셀입니다. 한 변이 최대 %4 픽셀인 이미지까지만 읽습니다</translation>
    </message>
    <message>
        <source>%1: neither a PNG nor a JPEG file</source>
        <translation>%1: PNG 파일도 JPEG 파일도 아닙니다</translation>
    </message>
    <message>
        <source>%1: the file holds no pixels (a header without an image)</source>
        <translation>%1: 픽셀이 없는 파일입니다(이미지 없이 헤더만 있음)</translation>
    </message>
    <message>
        <source>%1: not a readable PNG (%2)</source>
        <translation>%1: 읽을 수 있는 PNG가 아닙니다(%2)</translation>
    </message>
    <message>
        <source>%1: not a readable JPEG (%2)</source>
        <translation>%1: 읽을 수 있는 JPEG가 아닙니다(%2)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1: holds more than %2 MiB; a data file this large is refused (is it the wrong file?)</source>
        <translation>%1: %2 MiB보다 큽니다. 이렇게 큰 데이터 파일은 받지 않습니다(잘못된 파일이 아닌가요?)</translation>
    </message>
    <message>
        <source>%1: no column named "%2" (the columns are: %3)</source>
        <translation>%1: "%2"(이)라는 열이 없습니다(열: %3)</translation>
    </message>
    <message>
        <source>%1:%2: more than %3 rows; a table this long is refused (take a sample of it)</source>
        <translation>%1:%2: 행이 %3개보다 많습니다. 이렇게 긴 표는 받지 않습니다(일부를 표본으로 뽑으세요)</translation>
    </message>
    <message>
        <source>%1: the file is empty (no line with a value)</source>
        <translation>%1: 파일이 비어 있습니다(값이 있는 줄이 없습니다)</translation>
    </message>
    <message>
        <source>%1:%2: %3 fields where %5 %4 (every row needs one value per column)</source>
        <translation>%1:%2: 값이 %3개인데 %5 %4개입니다(모든 행에는 열마다 값이 하나씩 있어야 합니다)</translation>
    </message>
    <message>
        <source>the header names</source>
        <translation>머리글의 열 이름은</translation>
    </message>
    <message>
        <source>the first line has</source>
        <translation>첫 줄의 값은</translation>
    </message>
    <message>
        <source>%1: the column "%2" is chosen twice; choose different columns</source>
        <translation>%1: "%2" 열을 두 번 골랐습니다. 서로 다른 열을 고르세요</translation>
    </message>
    <message>
        <source>%1: %2 data rows; at least %3 are needed to train and test on</source>
        <translation>%1: 데이터 행이 %2개입니다. 학습하고 테스트하려면 적어도 %3개가 필요합니다</translation>
    </message>
    <message>
        <source>%1:%2: column "%3": "%4" is not a number</source>
        <translation>%1:%2: "%3" 열: "%4"은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>%1:%2: column "%3": "%4" is not a finite number (nan and inf cannot be learned from)</source>
        <translation>%1:%2: "%3" 열: "%4"은(는) 유한한 숫자가 아닙니다(nan과 inf로는 학습할 수 없습니다)</translation>
    </message>
    <message>
        <source>%1: every value of "%2" is %3; a target that never changes leaves nothing to learn</source>
        <translation>%1: "%2"의 값이 모두 %3입니다. 변하지 않는 목표에서는 배울 것이 없습니다</translation>
    </message>
    <message>
        <source>%1: every label in "%2" is "%3"; a classifier needs at least two classes</source>
        <translation>%1: "%2"의 레이블이 모두 "%3"입니다. 분류기에는 적어도 두 클래스가 필요합니다</translation>
    </message>
    <message>
        <source>%1: "%2" has %3 classes (%5); at most %4 can be learned here</source>
        <translation>%1: "%2"에는 클래스가 %3개 있습니다(%5). 여기서는 최대 %4개까지 배울 수 있습니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: it has %2 bytes, fewer than the 8 of the header length</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: %2바이트뿐이라 헤더 길이를 담는 8바이트보다 짧습니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: the header claims %2 bytes (more than 100 MB)</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 헤더가 %2바이트라고 합니다(100 MB 초과)</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: the header claims %2 bytes but only %3 follow</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 헤더가 %2바이트라고 하는데 뒤에 %3바이트만 있습니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: the header is not valid JSON (%2)</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 헤더가 올바른 JSON이 아닙니다(%2)</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: the header is not a JSON object</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 헤더가 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: __metadata__ is not an object of strings</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: __metadata__가 문자열로 된 객체가 아닙니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: __metadata__["%2"] is not a string</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: __metadata__["%2"]가 문자열이 아닙니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2" needs "dtype", "shape" and "data_offsets"</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2"에는 "dtype", "shape", "data_offsets"가 있어야 합니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2": dtype is not a string</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2": dtype이 문자열이 아닙니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2" has dtype %3; GradScope reads F32, F64 and I64</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2"의 dtype이 %3입니다. GradScope는 F32, F64, I64를 읽습니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2": shape is not a list of at most 16 sizes</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2": shape이 크기 16개 이하의 목록이 아닙니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2": shape %3 holds something other than sizes</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2": shape %3에 크기가 아닌 것이 들어 있습니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2": data_offsets is not [begin, end]</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2": data_offsets가 [begin, end]가 아닙니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2": data_offsets [%3, %4] lie outside the %5 bytes of data</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2": data_offsets [%3, %4]가 데이터 %5바이트 밖에 있습니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2": shape %3 of %4 needs %5 bytes but data_offsets give %6</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2": %4 shape %3에는 %5바이트가 필요한데 data_offsets는 %6바이트입니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: tensor "%2" overlaps the one before it in the data</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 텐서 "%2"가 데이터에서 앞의 텐서와 겹칩니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: bytes %2 to %3 of the data belong to no tensor</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 데이터의 %2~%3바이트가 어느 텐서에도 속하지 않습니다</translation>
    </message>
    <message>
        <source>%1: not a safetensors file we can read: the last %2 bytes of the data belong to no tensor</source>
        <translation>%1: 읽을 수 있는 safetensors 파일이 아닙니다: 데이터의 마지막 %2바이트가 어느 텐서에도 속하지 않습니다</translation>
    </message>
    <message>
        <source>cannot write "%1"</source>
        <translation>"%1"에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>cannot write "%1" (disk full?)</source>
        <translation>"%1"에 쓸 수 없습니다(디스크가 가득 찼나요?)</translation>
    </message>
    <message>
        <source>%1: no such file, or it cannot be read</source>
        <translation>%1: 파일이 없거나 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>%1: the data of tensor "%2" could not be read</source>
        <translation>%1: 텐서 "%2"의 데이터를 읽지 못했습니다</translation>
    </message>
    <message>
        <source>the weights do not belong to this network (the names differ: is it the same architecture?)</source>
        <translation>이 가중치는 이 신경망의 것이 아닙니다(이름이 다릅니다: 같은 구조인가요?)</translation>
    </message>
    <message>
        <source>the weights' "%1" has shape %2 but this network's has %3</source>
        <translation>가중치의 "%1"은(는) 모양이 %2인데 이 신경망의 것은 %3입니다</translation>
    </message>
    <message>
        <source>the weights' "%1" is %2 but this network's is %3: integers and floating-point numbers do not convert into each other here</source>
        <translation>가중치의 "%1"은(는) %2인데 이 신경망의 것은 %3입니다. 여기서는 정수와 부동소수점 수가 서로 바뀌지 않습니다</translation>
    </message>
    <message>
        <source>%1: the weights do not belong to this network (the names differ: is it the same architecture?)</source>
        <translation>%1: 이 가중치는 이 신경망의 것이 아닙니다(이름이 다릅니다: 같은 구조인가요?)</translation>
    </message>
    <message>
        <source>%1: the weights' "%2" has shape %3 but this network's has %4</source>
        <translation>%1: 가중치의 "%2"은(는) 모양이 %3인데 이 신경망의 것은 %4입니다</translation>
    </message>
    <message>
        <source>%1: the weights' "%2" is %3 but this network's is %4: integers and floating-point numbers do not convert into each other here</source>
        <translation>%1: 가중치의 "%2"은(는) %3인데 이 신경망의 것은 %4입니다. 여기서는 정수와 부동소수점 수가 서로 바뀌지 않습니다</translation>
    </message>
    <message>
        <source>%1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>%1은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>%1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. %2</source>
        <translation>%1은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. %2</translation>
    </message>
    <message>
        <source>the string prefix %1"..." is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Use a plain string.</source>
        <translation>문자열 접두사 %1"..."은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. 보통 문자열을 쓰세요.</translation>
    </message>
    <message>
        <source>the number literal %1... is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Write numbers in decimal.</source>
        <translation>숫자 리터럴 %1...은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. 숫자는 십진수로 쓰세요.</translation>
    </message>
    <message>
        <source>the integer %1 (larger than 64 bits) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>정수 %1(64비트보다 큼)은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>the comparison %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Comparisons make bool tensors, which this lab does not have.</source>
        <translation>비교 연산 %1은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. 비교는 bool 텐서를 만드는데, 이 실습에는 bool 텐서가 없습니다.</translation>
    </message>
    <message>
        <source>the bitwise operator %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>비트 연산자 %1은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>the operator %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>연산자 %1은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>assigning to an attribute (x.%1 = ...) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>속성에 대입하기(x.%1 = ...)은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>import %1 as %2 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Write import torch.</source>
        <translation>import %1 as %2은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. import torch라고 쓰세요.</translation>
    </message>
    <message>
        <source>import %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Only import torch is known here.</source>
        <translation>import %1은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. 여기서는 import torch만 압니다.</translation>
    </message>
    <message>
        <source>complex numbers</source>
        <translation>복소수</translation>
    </message>
    <message>
        <source>\x escapes above \x7f in strings</source>
        <translation>문자열 안의 \x7f보다 큰 \x 이스케이프</translation>
    </message>
    <message>
        <source>expressions nested more than 100 levels deep</source>
        <translation>100단계보다 깊게 중첩된 식</translation>
    </message>
    <message>
        <source>chained assignment (a = b = ...)</source>
        <translation>연쇄 대입(a = b = ...)</translation>
    </message>
    <message>
        <source>Assign one name per statement.</source>
        <translation>문장마다 이름 하나에만 대입하세요.</translation>
    </message>
    <message>
        <source>annotations and blocks ending in ':'</source>
        <translation>':'로 끝나는 주석(annotation)과 블록</translation>
    </message>
    <message>
        <source>statements of more than 1000 operations</source>
        <translation>연산이 1000개보다 많은 문장</translation>
    </message>
    <message>
        <source>Split it into several statements.</source>
        <translation>여러 문장으로 나누세요.</translation>
    </message>
    <message>
        <source>conditional expressions (a if c else b)</source>
        <translation>조건식(a if c else b)</translation>
    </message>
    <message>
        <source>comprehensions ([... for ... in ...])</source>
        <translation>컴프리헨션([... for ... in ...])</translation>
    </message>
    <message>
        <source>unpacking arguments with * or **</source>
        <translation>* 또는 **로 인자 풀기</translation>
    </message>
    <message>
        <source>dicts and sets ({...})</source>
        <translation>딕셔너리와 집합({...})</translation>
    </message>
    <message>
        <source>starred expressions (*rest)</source>
        <translation>별표 식(*rest)</translation>
    </message>
    <message>
        <source>the walrus operator :=</source>
        <translation>바다코끼리 연산자 :=</translation>
    </message>
    <message>
        <source>annotations (-&gt;)</source>
        <translation>주석(annotation, -&gt;)</translation>
    </message>
    <message>
        <source>for loops</source>
        <translation>for 반복문</translation>
    </message>
    <message>
        <source>while loops</source>
        <translation>while 반복문</translation>
    </message>
    <message>
        <source>if statements</source>
        <translation>if 문</translation>
    </message>
    <message>
        <source>defining functions (def)</source>
        <translation>함수 정의(def)</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>with blocks</source>
        <translation>with 블록</translation>
    </message>
    <message>
        <source>the boolean operator and</source>
        <translation>불 연산자 and</translation>
    </message>
    <message>
        <source>the boolean operator or</source>
        <translation>불 연산자 or</translation>
    </message>
    <message>
        <source>the boolean operator not</source>
        <translation>불 연산자 not</translation>
    </message>
    <message>
        <source>the operator in</source>
        <translation>연산자 in</translation>
    </message>
    <message>
        <source>the operator is</source>
        <translation>연산자 is</translation>
    </message>
    <message>
        <source>invalid number literal "%1"</source>
        <translation>올바르지 않은 숫자 리터럴 "%1"</translation>
    </message>
    <message>
        <source>invalid number literal "%1": an underscore goes between two digits</source>
        <translation>올바르지 않은 숫자 리터럴 "%1": 밑줄은 두 숫자 사이에만 씁니다</translation>
    </message>
    <message>
        <source>leading zeros in decimal integer literals are not permitted ("%1"); write %2</source>
        <translation>십진 정수 리터럴은 0으로 시작할 수 없습니다("%1"). %2(이)라고 쓰세요</translation>
    </message>
    <message>
        <source>a string starting at column %1 is never closed</source>
        <translation>%1열에서 시작한 문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>an augmented assignment needs one target</source>
        <translation>복합 대입에는 대상이 하나여야 합니다</translation>
    </message>
    <message>
        <source>cannot assign to this expression; the left of '=' must be a name or an indexed name</source>
        <translation>이 식에는 대입할 수 없습니다. '='의 왼쪽은 이름이나 인덱스를 붙인 이름이어야 합니다</translation>
    </message>
    <message>
        <source>a positional argument follows a keyword argument</source>
        <translation>위치 인자가 키워드 인자 뒤에 옵니다</translation>
    </message>
    <message>
        <source>an empty index x[] is not valid Python</source>
        <translation>빈 인덱스 x[]는 올바른 Python이 아닙니다</translation>
    </message>
    <message>
        <source>"%1" cannot be used here</source>
        <translation>"%1"은(는) 여기에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>expected %1 at column %2, found %3</source>
        <translation>%2열에 %1이(가) 와야 하는데 %3이(가) 있습니다</translation>
    </message>
    <message>
        <source>the end of the statement</source>
        <translation>문장의 끝</translation>
    </message>
    <message>
        <source>a module name</source>
        <translation>모듈 이름</translation>
    </message>
    <message>
        <source>a name after 'as'</source>
        <translation>'as' 뒤의 이름</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>연산자</translation>
    </message>
    <message>
        <source>an attribute name after '.'</source>
        <translation>'.' 뒤의 속성 이름</translation>
    </message>
    <message>
        <source>',' or ')' in the argument list</source>
        <translation>인자 목록의 ',' 또는 ')'</translation>
    </message>
    <message>
        <source>',' or ']' in the index</source>
        <translation>인덱스의 ',' 또는 ']'</translation>
    </message>
    <message>
        <source>an expression</source>
        <translation>식</translation>
    </message>
    <message>
        <source>line %1: a string is never closed</source>
        <translation>%1번 줄: 문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>line %1: ';' with no statement before it</source>
        <translation>%1번 줄: 앞에 문장이 없는 ';'</translation>
    </message>
    <message>
        <source>line %1: unexpected indent: a statement starts at the beginning of its line</source>
        <translation>%1번 줄: 예상하지 못한 들여쓰기: 문장은 줄의 맨 앞에서 시작합니다</translation>
    </message>
    <message>
        <source>line %1: '%2' does not close any bracket</source>
        <translation>%1번 줄: '%2'이(가) 닫는 괄호가 없습니다</translation>
    </message>
    <message>
        <source>line %1: '%2' is never closed</source>
        <translation>%1번 줄: '%2'이(가) 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>x.%1(other) (the elementwise %1 of two tensors) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Use torch.where or clamp.</source>
        <translation>x.%1(other)(두 텐서의 원소별 %1)은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. torch.where나 clamp를 쓰세요.</translation>
    </message>
    <message>
        <source>%1() of a %2 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>%2에 쓴 %1()은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>the built-in %1() is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>내장 함수 %1()은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>the integer %1 in %2 (beyond 2^53) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Values this large lose digits on the way into a tensor here.</source>
        <translation>%2에 쓴 정수 %1(2^53 초과)은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. 이렇게 큰 값은 여기서 텐서에 들어가며 자릿수를 잃습니다.</translation>
    </message>
    <message>
        <source>%1 with %2 dimensions (more than 16) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. The lab draws up to 4.</source>
        <translation>차원이 %2개(16개 초과)인 %1은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. 이 실습은 4차원까지 그립니다.</translation>
    </message>
    <message>
        <source>item assignment on a %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>%1의 원소에 대입하기는 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>slicing a %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Index one element, e.g. x.shape[0].</source>
        <translation>%1 슬라이싱은 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다. 원소 하나를 인덱싱하세요(예: x.shape[0]).</translation>
    </message>
    <message>
        <source>integers beyond 64 bits (%1) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>64비트를 넘는 정수(%1)는 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>the operator %1 on tensors is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.</source>
        <translation>텐서에 쓴 연산자 %1은(는) 여기서 지원하지 않습니다: 텐서 실습은 강의의 텐서 페이지에서 쓰는 만큼의 Python과 PyTorch만 실행합니다.</translation>
    </message>
    <message>
        <source>Use .to(dtype) to convert.</source>
        <translation>.to(dtype)로 변환하세요.</translation>
    </message>
    <message>
        <source>The engine has float(), double() and long().</source>
        <translation>엔진에는 float(), double(), long()이 있습니다.</translation>
    </message>
    <message>
        <source>The Tensors lab runs on the CPU.</source>
        <translation>텐서 실습은 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>The Tensors lab runs on the CPU; the GPU lab shows devices.</source>
        <translation>텐서 실습은 CPU에서 실행됩니다. 장치는 GPU 실습에서 보여 줍니다.</translation>
    </message>
    <message>
        <source>Use x.dtype.</source>
        <translation>x.dtype을 쓰세요.</translation>
    </message>
    <message>
        <source>Use x.tolist().</source>
        <translation>x.tolist()를 쓰세요.</translation>
    </message>
    <message>
        <source>The lab shows storage offsets instead of addresses.</source>
        <translation>이 실습은 주소 대신 저장소 오프셋을 보여 줍니다.</translation>
    </message>
    <message>
        <source>tolist() of more than 100,000 elements</source>
        <translation>원소가 100,000개보다 많은 tolist()</translation>
    </message>
    <message>
        <source>Index a part of the tensor first.</source>
        <translation>먼저 텐서의 일부를 인덱싱하세요.</translation>
    </message>
    <message>
        <source>Use / and then .floor() elsewhere.</source>
        <translation>대신 /로 나눈 다음 .floor()를 쓰세요.</translation>
    </message>
    <message>
        <source>requires_grad=True here</source>
        <translation>requires_grad=True</translation>
    </message>
    <message>
        <source>Gradients live in the Autograd lab.</source>
        <translation>기울기는 자동 미분 실습에서 다룹니다.</translation>
    </message>
    <message>
        <source>bool tensors (torch.full with True/False)</source>
        <translation>bool 텐서(True/False로 채우는 torch.full)</translation>
    </message>
    <message>
        <source>bool tensors (torch.tensor of True/False)</source>
        <translation>bool 텐서(True/False로 만드는 torch.tensor)</translation>
    </message>
    <message>
        <source>Use 1 and 0.</source>
        <translation>1과 0을 쓰세요.</translation>
    </message>
    <message>
        <source>torch.tensor of a list of tensors</source>
        <translation>텐서의 리스트로 만드는 torch.tensor</translation>
    </message>
    <message>
        <source>Use torch.stack to join tensors.</source>
        <translation>텐서를 합치려면 torch.stack을 쓰세요.</translation>
    </message>
    <message>
        <source>an assignment</source>
        <translation>대입</translation>
    </message>
    <message>
        <source>the result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>rebinding the name torch</source>
        <translation>torch라는 이름에 다시 대입하기</translation>
    </message>
    <message>
        <source>Use torch functions.</source>
        <translation>torch 함수를 쓰세요.</translation>
    </message>
    <message>
        <source>This lab is about tensors.</source>
        <translation>이 실습은 텐서를 다룹니다.</translation>
    </message>
    <message>
        <source>this expression</source>
        <translation>이 식</translation>
    </message>
    <message>
        <source>The engine has torch.float32, torch.float64 and torch.int64.</source>
        <translation>엔진에는 torch.float32, torch.float64, torch.int64가 있습니다.</translation>
    </message>
    <message>
        <source>x.T on a tensor with more than 2 dims</source>
        <translation>2차원보다 큰 텐서의 x.T</translation>
    </message>
    <message>
        <source>Use permute().</source>
        <translation>permute()를 쓰세요.</translation>
    </message>
    <message>
        <source>repeating a list or string with *</source>
        <translation>*로 리스트나 문자열 반복하기</translation>
    </message>
    <message>
        <source>Write the elements out, or use torch.full.</source>
        <translation>원소를 하나하나 쓰거나 torch.full을 쓰세요.</translation>
    </message>
    <message>
        <source>complex numbers (a negative number to a fractional power)</source>
        <translation>복소수(음수의 분수 거듭제곱)</translation>
    </message>
    <message>
        <source>an integer tensor to a tensor of negative integer powers</source>
        <translation>정수 텐서를 음의 정수 텐서로 거듭제곱하기</translation>
    </message>
    <message>
        <source>Convert the base with .float() first.</source>
        <translation>먼저 밑을 .float()로 변환하세요.</translation>
    </message>
    <message>
        <source>in-place matrix product (@=)</source>
        <translation>제자리(in-place) 행렬 곱(@=)</translation>
    </message>
    <message>
        <source>Write x = x @ y.</source>
        <translation>x = x @ y라고 쓰세요.</translation>
    </message>
    <message>
        <source>indexing with True/False</source>
        <translation>True/False로 인덱싱하기</translation>
    </message>
    <message>
        <source>nested lists as an index</source>
        <translation>인덱스로 쓴 중첩 리스트</translation>
    </message>
    <message>
        <source>Index with one list of ints.</source>
        <translation>정수 리스트 하나로 인덱싱하세요.</translation>
    </message>
    <message>
        <source>indexing with a tensor of more than one dimension</source>
        <translation>2차원 이상인 텐서로 인덱싱하기</translation>
    </message>
    <message>
        <source>more than one index list in one index (x[[0, 1], [1, 2]])</source>
        <translation>인덱스 하나에 인덱스 리스트 여러 개(x[[0, 1], [1, 2]])</translation>
    </message>
    <message>
        <source>Index with one list at a time.</source>
        <translation>한 번에 리스트 하나로 인덱싱하세요.</translation>
    </message>
    <message>
        <source>CUDA driver version is insufficient for CUDA runtime version</source>
        <translation>CUDA 드라이버가 CUDA 런타임 버전보다 오래되었습니다</translation>
    </message>
    <message>
        <source>no CUDA-capable device is detected</source>
        <translation>CUDA를 쓸 수 있는 장치가 없습니다</translation>
    </message>
    <message>
        <source>CUDA driver is a stub library</source>
        <translation>CUDA 드라이버가 실제 드라이버가 아닌 스텁 라이브러리입니다</translation>
    </message>
    <message>
        <source>initialization error</source>
        <translation>초기화 오류</translation>
    </message>
    <message>
        <source>system has unsupported display driver / cuda driver combination</source>
        <translation>디스플레이 드라이버와 CUDA 드라이버 조합이 지원되지 않습니다</translation>
    </message>
    <message>
        <source>CUDA-capable device(s) is/are busy or unavailable</source>
        <translation>CUDA 장치가 사용 중이거나 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>forward compatibility was attempted on non supported HW</source>
        <translation>지원되지 않는 하드웨어에서 순방향 호환을 시도했습니다</translation>
    </message>
    <message>
        <source>%1() got multiple values for argument '%2'</source>
        <translation>%1()에 인자 '%2'의 값이 여러 번 주어졌습니다</translation>
    </message>
    <message>
        <source>%1() is missing the argument '%2'</source>
        <translation>%1()에 인자 '%2'이(가) 빠졌습니다</translation>
    </message>
    <message>
        <source>%1() takes %2 positional argument(s) but %3 were given</source>
        <translation>%1()은(는) 위치 인자를 %2개 받는데 %3개가 주어졌습니다</translation>
    </message>
    <message>
        <source>%1() got an unexpected keyword argument '%2'</source>
        <translation>%1()은(는) 키워드 인자 '%2'을(를) 받지 않습니다</translation>
    </message>
    <message>
        <source>'%1' object is not callable</source>
        <translation>'%1' 객체는 호출할 수 없습니다</translation>
    </message>
    <message>
        <source>len() of a 0-d tensor</source>
        <translation>0차원 텐서에는 len()을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>object of type '%1' has no len()</source>
        <translation>'%1' 형의 객체에는 len()이 없습니다</translation>
    </message>
    <message>
        <source>%1() needs a one-element tensor, but this one has %2 elements</source>
        <translation>%1()에는 원소가 하나인 텐서가 필요한데, 이 텐서에는 원소가 %2개 있습니다</translation>
    </message>
    <message>
        <source>int() of %1 has no integer value</source>
        <translation>%1에는 int()로 바꿀 정수 값이 없습니다</translation>
    </message>
    <message>
        <source>iteration over a 0-d tensor</source>
        <translation>0차원 텐서는 반복할 수 없습니다</translation>
    </message>
    <message>
        <source>'%1' object is not iterable</source>
        <translation>'%1' 객체는 반복할 수 없습니다</translation>
    </message>
    <message>
        <source>%1(): argument '%2' must be a Tensor, not %3</source>
        <translation>%1(): 인자 '%2'은(는) %3이(가) 아니라 Tensor여야 합니다</translation>
    </message>
    <message>
        <source>the value %1 does not fit in an int64 tensor</source>
        <translation>값 %1은(는) int64 텐서에 들어가지 않습니다</translation>
    </message>
    <message>
        <source>torch.arange() needs numbers, but got %1</source>
        <translation>torch.arange()에는 숫자가 필요한데 %1을(를) 받았습니다</translation>
    </message>
    <message>
        <source>torch.arange() takes 1 to 3 numbers (end, or start, end, step)</source>
        <translation>torch.arange()는 숫자를 1~3개 받습니다(끝, 또는 시작, 끝, 간격)</translation>
    </message>
    <message>
        <source>torch.arange() needs an end</source>
        <translation>torch.arange()에는 끝 값(end)이 필요합니다</translation>
    </message>
    <message>
        <source>torch.arange() got start twice</source>
        <translation>torch.arange()에 시작 값(start)이 두 번 주어졌습니다</translation>
    </message>
    <message>
        <source>torch.arange needs a non-zero step</source>
        <translation>torch.arange에는 0이 아닌 간격(step)이 필요합니다</translation>
    </message>
    <message>
        <source>torch.arange needs finite bounds</source>
        <translation>torch.arange에는 유한한 범위가 필요합니다</translation>
    </message>
    <message>
        <source>torch.arange's step goes away from the end: start %1, end %2, step %3</source>
        <translation>torch.arange의 간격이 끝에서 멀어지는 방향입니다: 시작 %1, 끝 %2, 간격 %3</translation>
    </message>
    <message>
        <source>%1() needs a size, e.g. %1(2, 3)</source>
        <translation>%1()에는 크기가 필요합니다. 예: %1(2, 3)</translation>
    </message>
    <message>
        <source>%1 makes floating-point numbers; ask for torch.float32 or torch.float64</source>
        <translation>%1은(는) 부동소수점 수를 만듭니다. torch.float32나 torch.float64를 지정하세요</translation>
    </message>
    <message>
        <source>torch.randint(low, high, size) or torch.randint(high, size)</source>
        <translation>torch.randint(low, high, size) 또는 torch.randint(high, size)로 쓰세요</translation>
    </message>
    <message>
        <source>torch.randint needs low &lt; high</source>
        <translation>torch.randint에는 하한(low)보다 큰 상한(high)이 필요합니다</translation>
    </message>
    <message>
        <source>torch.full() needs its size as a tuple, e.g. torch.full((2, 3), 7)</source>
        <translation>torch.full()에는 크기를 튜플로 주어야 합니다. 예: torch.full((2, 3), 7)</translation>
    </message>
    <message>
        <source>%1() fills with a number, not a %2</source>
        <translation>%1()은(는) %2이(가) 아니라 숫자로 채웁니다</translation>
    </message>
    <message>
        <source>torch.eye needs non-negative sizes</source>
        <translation>torch.eye에는 음수가 아닌 크기가 필요합니다</translation>
    </message>
    <message>
        <source>torch.linspace needs steps ≥ 0</source>
        <translation>torch.linspace의 steps는 0 이상이어야 합니다</translation>
    </message>
    <message>
        <source>%1() takes a list or tuple of tensors, e.g. %1([a, b], dim=0)</source>
        <translation>%1()은(는) 텐서의 리스트나 튜플을 받습니다. 예: %1([a, b], dim=0)</translation>
    </message>
    <message>
        <source>%1() joins tensors, but the list holds a %2</source>
        <translation>%1()은(는) 텐서를 합치는데, 리스트에 %2이(가) 들어 있습니다</translation>
    </message>
    <message>
        <source>%1() needs at least one tensor</source>
        <translation>%1()에는 텐서가 하나 이상 필요합니다</translation>
    </message>
    <message>
        <source>torch.mm multiplies two matrices (2-D); got %1-D and %2-D. torch.matmul handles other shapes.</source>
        <translation>torch.mm은 두 행렬(2차원)을 곱하는데, %1차원과 %2차원을 받았습니다. 다른 모양은 torch.matmul이 다룹니다.</translation>
    </message>
    <message>
        <source>torch.bmm multiplies two batches of matrices (3-D); got %1-D and %2-D.</source>
        <translation>torch.bmm은 행렬 배치 두 개(3차원)를 곱하는데, %1차원과 %2차원을 받았습니다.</translation>
    </message>
    <message>
        <source>%1() needs a tensor among its arguments</source>
        <translation>%1()의 인자 중 하나는 텐서여야 합니다</translation>
    </message>
    <message>
        <source>%1 got the negative size %2</source>
        <translation>%1에 음수 크기 %2이(가) 주어졌습니다</translation>
    </message>
    <message>
        <source>cannot unpack %1 into %2 names</source>
        <translation>%1을(를) 이름 %2개로 풀 수 없습니다</translation>
    </message>
    <message>
        <source>a 0-d tensor cannot be unpacked</source>
        <translation>0차원 텐서는 풀 수 없습니다</translation>
    </message>
    <message>
        <source>there are %1 values to unpack into %2 names</source>
        <translation>이름 %2개에 풀어 넣을 값이 %1개입니다</translation>
    </message>
    <message>
        <source>index %1 is out of range for a %2 of length %3</source>
        <translation>인덱스 %1은(는) 길이가 %3인 %2의 범위를 벗어납니다</translation>
    </message>
    <message>
        <source>'%1' object is not subscriptable</source>
        <translation>'%1' 객체는 인덱싱할 수 없습니다</translation>
    </message>
    <message>
        <source>a slice (a:b) can only appear inside [...]</source>
        <translation>슬라이스(a:b)는 [...] 안에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>bad operand type for unary %1: '%2'</source>
        <translation>단항 %1에 쓸 수 없는 피연산자 형입니다: '%2'</translation>
    </message>
    <message>
        <source>a %1 has no attribute %2</source>
        <translation>%1에는 속성 %2이(가) 없습니다</translation>
    </message>
    <message>
        <source>unsupported operand type(s) for %1: '%2' and '%3'</source>
        <translation>%1에 쓸 수 없는 피연산자 형입니다: '%2'와(과) '%3'</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>0으로 나눌 수 없습니다</translation>
    </message>
    <message>
        <source>0 cannot be raised to a negative power</source>
        <translation>0은 음수로 거듭제곱할 수 없습니다</translation>
    </message>
    <message>
        <source>unsupported operand type(s) for @: numbers</source>
        <translation>숫자끼리는 @를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>an integer tensor cannot be raised to a negative integer power</source>
        <translation>정수 텐서는 음의 정수로 거듭제곱할 수 없습니다</translation>
    </message>
    <message>
        <source>%1 needs both operands to have the same dtype, but they are %2 and %3: convert one with .to(...).</source>
        <translation>%1에는 두 피연산자의 dtype이 같아야 하는데, %2와(과) %3입니다. 하나를 .to(...)로 변환하세요.</translation>
    </message>
    <message>
        <source>the product %1 %2 %3 would take %4 million multiply-adds: products of more than 200 million are not supported here. The Tensors lab is for tensors you can look at; make them smaller.</source>
        <translation>곱 %1 %2 %3에는 곱셈-덧셈이 %4 × 10^6번 필요합니다: 2억 번이 넘는 곱은 여기서 지원하지 않습니다. 텐서 실습은 눈으로 볼 수 있는 텐서를 위한 곳이니 텐서를 더 작게 만드세요.</translation>
    </message>
    <message>
        <source>%1 would put %2 results into the %3 tensor in place; an in-place op cannot change a tensor's dtype. Write x = x %4 ... (a new tensor) or convert x first with .float().</source>
        <translation>%1은(는) %2 결과를 %3 텐서에 제자리(in-place)로 넣게 됩니다. 제자리 연산은 텐서의 dtype을 바꿀 수 없습니다. x = x %4 ...(새 텐서)라고 쓰거나 먼저 x를 .float()로 변환하세요.</translation>
    </message>
    <message>
        <source>%1 cannot change the shape of the tensor it updates in place: the result would be %2, but the tensor is %3.</source>
        <translation>%1은(는) 제자리로 바꾸는 텐서의 모양을 바꿀 수 없습니다: 결과는 %2인데 텐서는 %3입니다.</translation>
    </message>
    <message>
        <source>a slice step must be positive, got %1 (PyTorch has no negative steps; use torch.flip)</source>
        <translation>슬라이스 간격은 양수여야 하는데 %1을(를) 받았습니다(PyTorch에는 음수 간격이 없으니 torch.flip을 쓰세요)</translation>
    </message>
    <message>
        <source>an index can contain ... only once</source>
        <translation>인덱스에는 ...을 한 번만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>too many indices: the tensor has %1 dimension(s) but the index names %2</source>
        <translation>인덱스가 너무 많습니다: 텐서는 %1차원인데 인덱스는 차원 %2개를 가리킵니다</translation>
    </message>
    <message>
        <source>an index list must hold integers, but it holds %1</source>
        <translation>인덱스 리스트에는 정수가 들어 있어야 하는데 %1이(가) 들어 있습니다</translation>
    </message>
    <message>
        <source>a tensor used as an index must be int64, but this one is %1</source>
        <translation>인덱스로 쓰는 텐서는 int64여야 하는데 이 텐서는 %1입니다</translation>
    </message>
    <message>
        <source>a tensor cannot be indexed with %1</source>
        <translation>텐서는 %1(으)로 인덱싱할 수 없습니다</translation>
    </message>
    <message>
        <source>can only assign a number or a tensor into a tensor, not a %1</source>
        <translation>텐서에는 숫자나 텐서만 대입할 수 있습니다. %1은(는) 대입할 수 없습니다</translation>
    </message>
    <message>
        <source>assigning through an index list needs the values in the tensor's own dtype (%1), but they are %2: convert them with .to(...) first.</source>
        <translation>인덱스 리스트로 대입하려면 값이 텐서 자신의 dtype(%1)이어야 하는데 %2입니다. 먼저 .to(...)로 변환하세요.</translation>
    </message>
    <message>
        <source>a value of shape %1 cannot fill the part of shape %2: the shapes must match or broadcast.</source>
        <translation>모양이 %1인 값으로 모양이 %2인 부분을 채울 수 없습니다: 두 모양이 같거나 브로드캐스트되어야 합니다.</translation>
    </message>
    <message>
        <source>the variables would hold %1 MB of tensors: more than %2 MB is not supported here. Reuse names, or make the tensors smaller.</source>
        <translation>변수들이 담을 텐서가 %1 MB가 됩니다: %2 MB를 넘는 것은 여기서 지원하지 않습니다. 이름을 다시 쓰거나 텐서를 더 작게 만드세요.</translation>
    </message>
    <message>
        <source>permute() needs the new order of the dims, e.g. x.permute(1, 0)</source>
        <translation>permute()에는 차원의 새 순서가 필요합니다. 예: x.permute(1, 0)</translation>
    </message>
    <message>
        <source>permute needs one entry per dimension: the tensor has %1 dims but %2 were given.</source>
        <translation>permute에는 차원마다 값이 하나씩 필요합니다: 텐서는 %1차원인데 %2개가 주어졌습니다.</translation>
    </message>
    <message>
        <source>permute lists dim %1 twice</source>
        <translation>permute에 dim %1이(가) 두 번 있습니다</translation>
    </message>
    <message>
        <source>t() transposes tensors of at most 2 dims; this one has %1. Use transpose(dim0, dim1) or permute.</source>
        <translation>t()는 2차원 이하의 텐서만 전치합니다. 이 텐서는 %1차원입니다. transpose(dim0, dim1)이나 permute를 쓰세요.</translation>
    </message>
    <message>
        <source>flatten needs start_dim ≤ end_dim</source>
        <translation>flatten은 start_dim ≤ end_dim이어야 합니다</translation>
    </message>
    <message>
        <source>expand needs at least as many sizes as the tensor has dims (%1), got %2</source>
        <translation>expand에는 텐서의 차원 수(%1) 이상의 크기가 필요한데 %2개를 받았습니다</translation>
    </message>
    <message>
        <source>a 0-d tensor has no dimensions to ask about</source>
        <translation>0차원 텐서에는 물어볼 차원이 없습니다</translation>
    </message>
    <message>
        <source>%1 would have %2 elements: tensors of more than a million elements are not supported here. The Tensors lab is for tensors you can look at; make it smaller.</source>
        <translation>%1의 원소 수는 %2이(가) 됩니다: 원소가 백만 개를 넘는 텐서는 여기서 지원하지 않습니다. 텐서 실습은 눈으로 볼 수 있는 텐서를 위한 곳이니 더 작게 만드세요.</translation>
    </message>
    <message>
        <source>the result of %1 would have %2 elements: tensors of more than a million elements are not supported here. The Tensors lab is for tensors you can look at; make it smaller.</source>
        <translation>%1의 결과는 원소 수가 %2이(가) 됩니다: 원소가 백만 개를 넘는 텐서는 여기서 지원하지 않습니다. 텐서 실습은 눈으로 볼 수 있는 텐서를 위한 곳이니 더 작게 만드세요.</translation>
    </message>
    <message>
        <source>a tensor from %1 would have %2 elements: tensors of more than a million elements are not supported here. The Tensors lab is for tensors you can look at; make it smaller.</source>
        <translation>%1(으)로 만든 텐서는 원소 수가 %2이(가) 됩니다: 원소가 백만 개를 넘는 텐서는 여기서 지원하지 않습니다. 텐서 실습은 눈으로 볼 수 있는 텐서를 위한 곳이니 더 작게 만드세요.</translation>
    </message>
    <message>
        <source>this in-place write reads from the same memory it writes (the two overlap in part), so its result would depend on the order of the writes. clone() the right-hand side first.</source>
        <translation>이 제자리 쓰기는 자신이 쓰는 메모리에서 값을 읽습니다(두 메모리가 일부 겹칩니다). 그래서 결과가 쓰는 순서에 따라 달라집니다. 먼저 오른쪽을 clone()하세요.</translation>
    </message>
    <message>
        <source>%1 has a dimension of size %2: dimensions of more than a million are not supported here, even in an empty tensor.</source>
        <translation>%1에 크기가 %2인 차원이 있습니다: 크기가 백만을 넘는 차원은 빈 텐서라도 여기서 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>%1 must be an integer, but got %2 (%3)</source>
        <translation>%1은(는) 정수여야 하는데 %2(%3)을(를) 받았습니다</translation>
    </message>
    <message>
        <source>%1 must be True or False, but got %2</source>
        <translation>%1은(는) True나 False여야 하는데 %2을(를) 받았습니다</translation>
    </message>
    <message>
        <source>%1 must be a dtype such as torch.float32, but got %2</source>
        <translation>%1은(는) torch.float32 같은 dtype이어야 하는데 %2을(를) 받았습니다</translation>
    </message>
    <message>
        <source>%1(): %2 must be a tuple of ints, but found element of type %3 at pos %4</source>
        <translation>%1(): %2은(는) 정수의 튜플이어야 하는데 위치 %4에 %3 형의 원소가 있습니다</translation>
    </message>
    <message>
        <source>torch.tensor() needs every element of a level to be a list, or every one a number, but this level mixes them: %1</source>
        <translation>torch.tensor()에는 한 단계의 원소가 모두 리스트이거나 모두 숫자여야 하는데, 이 단계에는 둘이 섞여 있습니다: %1</translation>
    </message>
    <message>
        <source>torch.tensor() needs numbers or (nested) lists of numbers, but got %1</source>
        <translation>torch.tensor()에는 숫자나 숫자의 (중첩) 리스트가 필요한데 %1을(를) 받았습니다</translation>
    </message>
    <message>
        <source>more than 10^15</source>
        <translation>10^15 초과</translation>
    </message>
    <message>
        <source>randint bound</source>
        <translation>torch.randint의 경계값</translation>
    </message>
    <message>
        <source>list index</source>
        <translation>리스트 인덱스</translation>
    </message>
    <message>
        <source>tuple index</source>
        <translation>튜플 인덱스</translation>
    </message>
    <message>
        <source>torch.Size index</source>
        <translation>torch.Size 인덱스</translation>
    </message>
    <message>
        <source>a slice start</source>
        <translation>슬라이스 시작값</translation>
    </message>
    <message>
        <source>a slice stop</source>
        <translation>슬라이스 끝값</translation>
    </message>
    <message>
        <source>a slice step</source>
        <translation>슬라이스 간격</translation>
    </message>
</context>
<context>
    <name>gsui::GeneralizationLab</name>
    <message>
        <source>page: expected one of %1, got "%2"</source>
        <translation>페이지: %1 중 하나여야 하는데 "%2"입니다</translation>
    </message>
</context>
<context>
    <name>gsui::GpuLab</name>
    <message>
        <source>Time per training step</source>
        <translation>학습 단계당 시간</translation>
    </message>
    <message>
        <source>Measure CPU and GPU</source>
        <translation>CPU와 GPU 측정</translation>
    </message>
    <message>
        <source>Times full training steps (forward, backward, optimizer) at each batch size</source>
        <translation>배치 크기마다 학습 단계 전체(순전파, 역전파, 최적화 기법)의 시간을 잽니다</translation>
    </message>
    <message>
        <source>GPU: CUDA is available (cuda:0).</source>
        <translation>GPU: CUDA를 사용할 수 있습니다 (cuda:0).</translation>
    </message>
    <message>
        <source>CUDA is not available here: %1. That is fine: the CPU curve is measured alone. On a machine with an NVIDIA GPU, the GPU curve appears beside it.</source>
        <translation>여기서는 CUDA를 사용할 수 없습니다: %1. 괜찮습니다. CPU 곡선만 측정합니다. NVIDIA GPU가 있는 컴퓨터에서는 GPU 곡선이 옆에 나타납니다.</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>milliseconds per step</source>
        <translation>단계당 밀리초</translation>
    </message>
    <message>
        <source>Where does the GPU overtake the CPU?</source>
        <translation>GPU는 어디서 CPU를 앞지를까?</translation>
    </message>
    <message>
        <source>CPU (threads: %1)</source>
        <translation>CPU (스레드 %1개)</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Measuring… (the window stays usable)</source>
        <translation>측정 중… (창은 계속 쓸 수 있습니다)</translation>
    </message>
    <message>
        <source>Press Measure: each point times real training steps.</source>
        <translation>측정을 누르세요. 각 점은 실제 학습 단계의 시간입니다.</translation>
    </message>
    <message>
        <source>The GPU is faster from batch %1 on. Below that, each step is dominated by the fixed cost of launching its kernels; above it, the GPU's thousands of cores get enough work per launch.</source>
        <translation>배치 %1부터 GPU가 더 빠릅니다. 그보다 작으면 단계 시간은 커널을 실행하는 고정 비용이 차지하고, 그보다 크면 GPU의 수천 개 코어가 실행마다 충분한 일을 받습니다.</translation>
    </message>
    <message>
        <source>The CPU won at every batch size here: this model is too small to fill the GPU.</source>
        <translation>여기서는 모든 배치 크기에서 CPU가 이겼습니다. 이 모델은 GPU를 채우기에 너무 작습니다.</translation>
    </message>
    <message>
        <source>Timing batch size 1… Each point appears here as soon as it is measured.</source>
        <translation>배치 크기 1을 재는 중… 각 점은 측정되는 대로 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Press Measure: for each batch size from 1 to 1024, the milliseconds of one training step on the CPU and on the GPU appear here as two curves.</source>
        <translation>측정을 누르세요. 배치 크기 1부터 1024까지 CPU와 GPU에서 학습 단계 하나에 걸린 밀리초가 두 곡선으로 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Press Measure: for each batch size from 1 to 1024, the milliseconds of one training step on the CPU appear here as a curve.</source>
        <translation>측정을 누르세요. 배치 크기 1부터 1024까지 CPU에서 학습 단계 하나에 걸린 밀리초가 곡선으로 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>MLP 784-256-128-10</source>
        <translation>MLP 784-256-128-10</translation>
    </message>
    <message>
        <source>An MLP 784-256-128-10 trained with Adam</source>
        <translation>Adam으로 학습하는 MLP 784-256-128-10</translation>
    </message>
    <message>
        <source>Small CNN on 28×28</source>
        <translation>28×28 작은 CNN</translation>
    </message>
    <message>
        <source>A small CNN on 28×28 images trained with SGD</source>
        <translation>SGD로 학습하는 28×28 이미지용 작은 CNN</translation>
    </message>
    <message>
        <source>Measure the CPU</source>
        <translation>CPU 측정</translation>
    </message>
</context>
<context>
    <name>gsui::GraphView</name>
    <message>
        <source>value %1</source>
        <translation>값 %1</translation>
    </message>
    <message>
        <source>.grad %1</source>
        <translation>.grad %1</translation>
    </message>
    <message>
        <source>grad %1</source>
        <translation>기울기 %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>gsui::InitTrainingPage</name>
    <message>
        <source>Train on the digits</source>
        <translation>숫자 데이터로 학습</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계 수</translation>
    </message>
    <message>
        <source>Train every scheme</source>
        <translation>모든 방식 학습</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Training: step %1 of %2 for every scheme…</source>
        <translation>학습 중: 모든 방식이 단계 %1 / %2…</translation>
    </message>
    <message>
        <source>%1: test accuracy %2%</source>
        <translation>%1: 테스트 정확도 %2%</translation>
    </message>
    <message>
        <source> (diverged)</source>
        <translation> (발산)</translation>
    </message>
    <message>
        <source>Loss per scheme</source>
        <translation>방식별 손실</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>activation: expected Sigmoid, Tanh or ReLU, got "%1"</source>
        <translation>activation: Sigmoid, Tanh, ReLU 중 하나여야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>steps: expected an integer from %1 to %2, got %3</source>
        <translation>steps: %1에서 %2 사이의 정수여야 하는데 %3입니다</translation>
    </message>
    <message>
        <source>Zeros: layer 1</source>
        <translation>0으로: 1층</translation>
    </message>
    <message>
        <source>He: layer 1</source>
        <translation>He: 1층</translation>
    </message>
    <message>
        <source>Are the units of a layer different? max |Wᵢ − W₀| over the rows of each hidden layer's weight after training (0: every unit identical). Beside the curves: layer 1's weights, a row per unit.</source>
        <translation>한 층의 유닛들은 서로 다를까? 학습 뒤 각 은닉층 가중치의 행들에 대한 max |Wᵢ − W₀| (0: 모든 유닛이 같음). 곡선 옆: 1층의 가중치, 유닛마다 한 행.</translation>
    </message>
    <message>
        <source>Zeros: every unit of a layer gets the same gradient, so they stay identical: the symmetry is never broken. (With ReLU or tanh, 0 in gives 0 out and nothing moves; with Sigmoid the units do learn, as copies.)</source>
        <translation>0으로: 한 층의 모든 유닛이 같은 기울기를 받아 계속 똑같이 남습니다. 대칭이 깨지지 않습니다. (ReLU나 tanh에서는 0이 들어가면 0이 나와 아무것도 바뀌지 않고, Sigmoid에서는 유닛들이 학습하지만 서로의 복사본으로 남습니다.)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Training loss per step (SGD, same seed)</source>
        <translation>단계별 학습 손실 (SGD, 같은 시드)</translation>
    </message>
    <message>
        <source>layer
%1</source>
        <translation>%1층</translation>
    </message>
    <message>
        <source>Press Train every scheme (or Step) to train the network once per scheme, from the same seed.</source>
        <translation>모든 방식 학습(또는 한 단계)을 누르면 같은 시드에서 방식마다 한 번씩 신경망을 학습합니다.</translation>
    </message>
    <message>
        <source>after training</source>
        <translation>학습 후에 나타납니다</translation>
    </message>
    <message>
        <source>Press Train every scheme: each scheme's training loss appears here, step by step.</source>
        <translation>모든 방식 학습을 누르세요. 방식마다 학습 손실이 단계별로 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>gsui::JsonFile</name>
    <message>
        <source>cannot open "%1"</source>
        <translation>"%1"을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <source>"%1" is not valid JSON: %2</source>
        <translation>"%1"은(는) 올바른 JSON이 아닙니다: %2</translation>
    </message>
    <message>
        <source>cannot write "%1"</source>
        <translation>"%1"에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>"%1" is %2 MB: too large for a GradScope file (at most %3 MB)</source>
        <translation>"%1"은(는) %2 MB입니다: GradScope 파일로는 너무 큽니다 (최대 %3 MB)</translation>
    </message>
</context>
<context>
    <name>gsui::Lab</name>
    <message>
        <source>The network is not built yet.</source>
        <translation>네트워크가 아직 만들어지지 않았습니다.</translation>
    </message>
    <message>
        <source>The training worker did not answer; nothing was changed.</source>
        <translation>학습 작업자가 응답하지 않았습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>This lab has no network to save.</source>
        <translation>이 실습에는 저장할 네트워크가 없습니다.</translation>
    </message>
    <message>
        <source>This lab has no network to load weights into.</source>
        <translation>이 실습에는 가중치를 불러올 네트워크가 없습니다.</translation>
    </message>
    <message>
        <source>%1: the %2 lab opens no files</source>
        <translation>%1: %2 실습은 파일을 열지 않습니다</translation>
    </message>
    <message>
        <source>%1: this lab opens no files</source>
        <translation>%1: 이 실습은 파일을 열지 않습니다</translation>
    </message>
    <message>
        <source>The training worker failed; nothing was changed.</source>
        <translation>학습 작업자가 실패했습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>gsui::LayerHistogramsPage</name>
    <message>
        <source>Activations hₖ of each hidden layer (%1 values each, %2)</source>
        <translation>각 은닉층의 활성화 값 hₖ (층마다 %1개, %2)</translation>
    </message>
    <message>
        <source>Their gradients ∂L/∂hₖ after one backward of L = MSELoss(sum) on random targets</source>
        <translation>무작위 목표값에 대한 L = MSELoss(sum)을 한 번 역전파한 뒤의 기울기 ∂L/∂hₖ</translation>
    </message>
    <message>
        <source>Collapse: the weights are too small, every layer shrinks the signal, and the last layer's values are all nearly the same. Identical outputs mean no unit learns anything different.</source>
        <translation>붕괴: 가중치가 너무 작아 층마다 신호가 줄어들고, 마지막 층의 값은 거의 모두 같습니다. 출력이 같다면 어떤 유닛도 다른 것을 배우지 못합니다.</translation>
    </message>
    <message>
        <source>Saturation: the weights are too large, so the sigmoid's inputs are far from 0 and its outputs pile up at 0 and 1, where its slope is almost 0: the gradient vanishes.</source>
        <translation>포화: 가중치가 너무 커서 시그모이드의 입력이 0에서 멀고, 출력이 기울기가 거의 0인 0과 1에 몰립니다. 기울기가 사라집니다.</translation>
    </message>
    <message>
        <source>Explosion: each layer multiplies the spread, so the last layer's values are far larger than the first's.</source>
        <translation>폭발: 층마다 퍼짐이 곱해져 마지막 층의 값이 첫 층보다 훨씬 큽니다.</translation>
    </message>
    <message>
        <source>Spread: the std stays in the same range from layer to layer, so every layer passes signal and gradient on. Xavier keeps the variance for sigmoid and tanh (Var(w) = 1/n); ReLU zeroes half, so He doubles it (2/n).</source>
        <translation>고른 퍼짐: 표준편차가 층마다 비슷한 범위에 머물러 모든 층이 신호와 기울기를 전달합니다. Xavier는 시그모이드와 tanh에서 분산을 유지하고(Var(w) = 1/n), ReLU는 절반을 0으로 만들므로 He는 그 두 배(2/n)입니다.</translation>
    </message>
    <message>
        <source>Activations, layer %1</source>
        <translation>활성화 값, %1층</translation>
    </message>
    <message>
        <source>Gradients, layer %1</source>
        <translation>기울기, %1층</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>scheme: expected normal1, normal001, xavier or he, got "%1"</source>
        <translation>scheme: normal1, normal001, xavier, he 중 하나여야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>activation: expected Sigmoid, Tanh or ReLU, got "%1"</source>
        <translation>activation: Sigmoid, Tanh, ReLU 중 하나여야 하는데 "%1"입니다</translation>
    </message>
    <message>
        <source>seed: expected an integer from 0 to 9999, got %1</source>
        <translation>seed: 0에서 9999 사이의 정수여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>Layer %1
μ %2
σ %3</source>
        <translation>%1층
μ %2
σ %3</translation>
    </message>
    <message>
        <source>Layer %1
σ %2</source>
        <translation>%1층
σ %2</translation>
    </message>
    <message>
        <source>μ: mean, σ: std (core's mean and var). σ of the activations by layer: %1. σ of the gradients: %2.</source>
        <translation>μ: 평균, σ: 표준편차 (엔진의 평균·분산 연산으로 계산). 층별 활성화 값의 σ: %1. 기울기의 σ: %2.</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
</context>
<context>
    <name>gsui::LessonBar</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>The previous step (Page Up)</source>
        <translation>이전 단계 (Page Up)</translation>
    </message>
    <message>
        <source>Leave the lesson</source>
        <translation>수업 나가기</translation>
    </message>
    <message>
        <source>Back to the lab as it is (Esc)</source>
        <translation>실습을 지금 상태 그대로 둡니다 (Esc)</translation>
    </message>
    <message>
        <source>Lesson: %1 — step %2 of %3</source>
        <translation>수업: %1 — %3단계 중 %2단계</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>마치기</translation>
    </message>
    <message>
        <source>The next step (Page Down)</source>
        <translation>다음 단계 (Page Down)</translation>
    </message>
    <message>
        <source>The end of the lesson (Page Down)</source>
        <translation>수업의 끝 (Page Down)</translation>
    </message>
</context>
<context>
    <name>gsui::LessonPlayer</name>
    <message>
        <source>the lesson has no steps</source>
        <translation>수업에 단계가 없습니다</translation>
    </message>
    <message>
        <source>step %1: the lesson has steps 1 to %2</source>
        <translation>%1단계: 수업의 단계는 1부터 %2까지입니다</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1: %2이어야 하는데 %3입니다</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 중 하나</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a number from %1 to %2</source>
        <translation>%1부터 %2까지의 숫자</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1부터 %2까지의 정수</translation>
    </message>
    <message>
        <source>a text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>%1: not a control a lesson can set</source>
        <translation>%1: 수업이 설정할 수 있는 컨트롤이 아닙니다</translation>
    </message>
    <message>
        <source>no lesson is running</source>
        <translation>진행 중인 수업이 없습니다</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>this GradScope has no lab "%1"</source>
        <translation>이 GradScope에는 "%1" 실습이 없습니다</translation>
    </message>
    <message>
        <source>the lab "%1" has no page "%2" (it has %3)</source>
        <translation>"%1" 실습에는 "%2" 페이지가 없습니다(있는 페이지: %3)</translation>
    </message>
    <message>
        <source>controls: the lab "%1" has no control "%2"</source>
        <translation>controls: "%1" 실습에는 "%2" 컨트롤이 없습니다</translation>
    </message>
    <message>
        <source>highlight: the lab "%1" has no control "%2"</source>
        <translation>highlight: "%1" 실습에는 "%2" 컨트롤이 없습니다</translation>
    </message>
    <message>
        <source>state: %1</source>
        <translation>state: %1</translation>
    </message>
    <message>
        <source>controls: %1</source>
        <translation>controls: %1</translation>
    </message>
    <message>
        <source>no lab is open</source>
        <translation>열린 실습이 없습니다</translation>
    </message>
    <message>
        <source>a lesson has at most %1 steps</source>
        <translation>수업의 단계는 최대 %1개입니다</translation>
    </message>
</context>
<context>
    <name>gsui::LossesLab</name>
    <message>
        <source>page: expected one of %1, got "%2"</source>
        <translation>페이지: %1 중 하나여야 하는데 "%2"입니다</translation>
    </message>
</context>
<context>
    <name>gsui::MainWindow</name>
    <message>
        <source>PyTorch code copied to the clipboard</source>
        <translation>PyTorch 코드를 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Whole lab view…</source>
        <translation>실험 화면 전체…</translation>
    </message>
    <message>
        <source>lab</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 이미지 (*.png);;SVG 벡터 이미지 (*.svg);;PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>조작</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export plot</source>
        <translation>그래프 내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Play controls</source>
        <translation>재생 조작</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>발표 모드</translation>
    </message>
    <message>
        <source>Bigger text and lines</source>
        <translation>글자와 선 크게</translation>
    </message>
    <message>
        <source>Smaller text and lines</source>
        <translation>글자와 선 작게</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>About GradScope</source>
        <translation>GradScope 정보</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Lab list</source>
        <translation>실험 목록</translation>
    </message>
    <message>
        <source>Side panel</source>
        <translation>옆 패널</translation>
    </message>
    <message>
        <source>Play / pause the lab (Space)</source>
        <translation>실험 재생 / 일시정지 (스페이스)</translation>
    </message>
    <message>
        <source>One step (→)</source>
        <translation>한 단계 (→)</translation>
    </message>
    <message>
        <source>Back to the start (R)</source>
        <translation>처음으로 (R)</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>스페이스</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>재생 / 일시정지</translation>
    </message>
    <message>
        <source>→</source>
        <translation>→</translation>
    </message>
    <message>
        <source>One step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Reset the lab</source>
        <translation>실험을 처음으로</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Presentation mode</source>
        <translation>발표 모드</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Ctrl + / Ctrl −</source>
        <translation>Ctrl + / Ctrl −</translation>
    </message>
    <message>
        <source>Bigger / smaller text and lines</source>
        <translation>글자와 선 크게 / 작게</translation>
    </message>
    <message>
        <source>F7</source>
        <translation>F7</translation>
    </message>
    <message>
        <source>Show / hide the lab list</source>
        <translation>실험 목록 보이기 / 숨기기</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>Show / hide the side panel</source>
        <translation>옆 패널 보이기 / 숨기기</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the lab view</source>
        <translation>실험 화면 내보내기</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>이 도움말</translation>
    </message>
    <message>
        <source>&lt;h3&gt;GradScope %1&lt;/h3&gt;&lt;p&gt;Learn deep learning by doing: every lab runs on GradScope's own tensor and autograd engine, which follows PyTorch's semantics.&lt;/p&gt;&lt;p&gt;Data sets from the UCI Machine Learning Repository (CC BY 4.0). Photographs by danielbuechele and vultilion on Flickr (CC BY 2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;GradScope %1&lt;/h3&gt;&lt;p&gt;직접 해 보며 배우는 딥러닝: 모든 실험은 PyTorch와 같은 의미로 동작하는 GradScope 자체 텐서·자동 미분 엔진 위에서 돌아갑니다.&lt;/p&gt;&lt;p&gt;데이터셋: UCI Machine Learning Repository (CC BY 4.0). 사진: Flickr의 danielbuechele, vultilion (CC BY 2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>펜</translation>
    </message>
    <message>
        <source>Draw over the lab with the mouse (P); C clears</source>
        <translation>마우스로 실험 위에 그리기 (P), C로 지우기</translation>
    </message>
    <message>
        <source>Clear the drawing</source>
        <translation>그림 지우기</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Pen: draw over the lab with the mouse</source>
        <translation>펜: 마우스로 실험 위에 그리기</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>자동 저장 실패: %1</translation>
    </message>
    <message>
        <source>Recover the last session?</source>
        <translation>지난 세션을 복구할까요?</translation>
    </message>
    <message>
        <source>GradScope did not close normally last time. Restore the labs as they were at %1 (the Playground's setup, the builder's network)?</source>
        <translation>GradScope가 지난번에 정상적으로 닫히지 않았습니다. %1 당시의 실험(플레이그라운드 설정, 신경망 만들기의 신경망)을 복구할까요?</translation>
    </message>
    <message>
        <source>Recovered, with problems</source>
        <translation>복구했지만 문제가 있습니다</translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation>가중치 저장</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>가중치 불러오기</translation>
    </message>
    <message>
        <source>This lab has no network with weights.</source>
        <translation>이 실습에는 가중치가 있는 네트워크가 없습니다.</translation>
    </message>
    <message>
        <source>Saved the weights to %1</source>
        <translation>가중치를 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Loaded the weights from %1</source>
        <translation>%1에서 가중치를 불러왔습니다</translation>
    </message>
    <message>
        <source>Save weights…</source>
        <translation>가중치 저장…</translation>
    </message>
    <message>
        <source>Load weights…</source>
        <translation>가중치 불러오기…</translation>
    </message>
    <message>
        <source>The open lab's network as a safetensors file (PyTorch's state_dict names)</source>
        <translation>열린 실습의 네트워크를 safetensors 파일로 저장합니다(PyTorch state_dict 이름)</translation>
    </message>
    <message>
        <source>Weights from a safetensors file into the open lab's network</source>
        <translation>safetensors 파일의 가중치를 열린 실습의 네트워크로 불러옵니다</translation>
    </message>
    <message>
        <source>Fewer controls</source>
        <translation>조작 줄이기</translation>
    </message>
    <message>
        <source>More controls</source>
        <translation>조작 더 보기</translation>
    </message>
    <message>
        <source>Presentation mode shows the lab's main controls; this shows the others too</source>
        <translation>발표 모드는 실험의 주요 조작만 보여 줍니다. 이 버튼을 누르면 나머지도 보입니다</translation>
    </message>
    <message>
        <source>Show or hide the explanation and the PyTorch code</source>
        <translation>설명과 PyTorch 코드를 보이거나 숨깁니다</translation>
    </message>
    <message>
        <source>Open a lesson</source>
        <translation>수업 열기</translation>
    </message>
    <message>
        <source>GradScope lessons (*.json)</source>
        <translation>GradScope 수업 (*.json)</translation>
    </message>
    <message>
        <source>Less&amp;ons</source>
        <translation>수업(&amp;O)</translation>
    </message>
    <message>
        <source>Play's speed: from one step a second, with each step's numbers, to flat out ([ slower, ] faster)</source>
        <translation>재생 속도: 초당 한 단계(단계마다 숫자 표시)부터 최고 속도까지 ([ 느리게, ] 빠르게)</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>느리게</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <source>Presentation mode: full screen, the lab's view large and its primary controls in one strip, text and lines that scale with the screen (F5; Ctrl +/− scale more; Esc leaves)</source>
        <translation>발표 모드: 전체 화면, 실습 화면을 크게, 주요 컨트롤은 한 줄로, 글자와 선은 화면에 맞춰 커집니다 (F5; Ctrl +/−로 더 조절; Esc로 나가기)</translation>
    </message>
    <message>
        <source>Leave the lesson, then presentation mode</source>
        <translation>수업 나가기, 그다음 발표 모드 나가기</translation>
    </message>
    <message>
        <source>[ / ]</source>
        <translation>[ / ]</translation>
    </message>
    <message>
        <source>Play slower / faster</source>
        <translation>재생 느리게 / 빠르게</translation>
    </message>
    <message>
        <source>Page Down / Page Up</source>
        <translation>Page Down / Page Up</translation>
    </message>
    <message>
        <source>Next / previous step of a lesson (a presenter's clicker)</source>
        <translation>수업의 다음/이전 단계 (발표용 클리커)</translation>
    </message>
    <message>
        <source>no lesson "%1" (the lessons are %2, or give a lesson file)</source>
        <translation>"%1" 수업이 없습니다(수업: %2, 또는 수업 파일을 주세요)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Open a lesson file…</source>
        <translation>수업 파일 열기…</translation>
    </message>
    <message>
        <source>Add this state as a step…</source>
        <translation>이 상태를 단계로 추가…</translation>
    </message>
    <message>
        <source>Save the recorded lesson…</source>
        <translation>기록한 수업 저장…</translation>
    </message>
    <message>
        <source>Discard the recorded lesson</source>
        <translation>기록한 수업 버리기</translation>
    </message>
    <message>
        <source>Save the recorded lesson (steps: %1)…</source>
        <translation>기록한 수업 저장 (단계: %1)…</translation>
    </message>
    <message>
        <source>Add this state as a step</source>
        <translation>이 상태를 단계로 추가</translation>
    </message>
    <message>
        <source>The caption the class reads at this step (the lab, its settings and its page are recorded with it):</source>
        <translation>이 단계에서 학생들이 읽을 설명(실습, 설정, 페이지가 함께 기록됩니다):</translation>
    </message>
    <message>
        <source>Step %1 recorded. Lessons → Save the recorded lesson… writes the file.</source>
        <translation>%1단계를 기록했습니다. 수업 → 기록한 수업 저장…으로 파일을 씁니다.</translation>
    </message>
    <message>
        <source>Save the recorded lesson</source>
        <translation>기록한 수업 저장</translation>
    </message>
    <message>
        <source>The lesson's title:</source>
        <translation>수업 제목:</translation>
    </message>
    <message>
        <source>Lesson saved to %1</source>
        <translation>수업을 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <source>A lesson, a scenario or a network (JSON), or weights for the open lab (safetensors)</source>
        <translation>수업, 시나리오 또는 네트워크(JSON), 또는 열린 실습에 불러올 가중치(safetensors)</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open a lesson, a scenario, a network or weights</source>
        <translation>수업, 시나리오, 네트워크 또는 가중치 열기</translation>
    </message>
    <message>
        <source>cannot open "%1": there is no such file</source>
        <translation>"%1"을(를) 열 수 없습니다: 그런 파일이 없습니다</translation>
    </message>
    <message>
        <source>cannot open "%1": %2</source>
        <translation>"%1"을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not a file GradScope opens: expected a lesson (a "format" field), a scenario (a "lab" field) or a network (a "layers" field) as JSON, or weights as safetensors</source>
        <translation>%1은(는) GradScope가 여는 파일이 아닙니다: JSON으로 된 수업("format" 필드), 시나리오("lab" 필드), 네트워크("layers" 필드)나 safetensors로 된 가중치여야 합니다</translation>
    </message>
    <message>
        <source>%1 holds weights (safetensors): open a lab with a network to load them into (the Playground, the Network builder, the CNN lab's Train page)</source>
        <translation>%1에는 가중치(safetensors)가 들어 있습니다: 불러올 신경망이 있는 실습(플레이그라운드, 신경망 만들기, CNN 실습의 학습 페이지)을 먼저 여세요</translation>
    </message>
    <message>
        <source>%1: format: expected "gradscope-lesson" (a lesson), got %2</source>
        <translation>%1: format: "gradscope-lesson"(수업)이어야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1: lab: expected a lab's id, got %2</source>
        <translation>%1: lab: 실습 ID여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>%1: lab: no lab "%2" (the labs are %3)</source>
        <translation>%1: lab: "%2" 실습이 없습니다(있는 실습: %3)</translation>
    </message>
    <message>
        <source>%1: lab: no lab "%2"</source>
        <translation>%1: lab: "%2" 실습이 없습니다</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1을(를) 열었습니다</translation>
    </message>
    <message>
        <source>GradScope files (*.json *.safetensors);;All files (*)</source>
        <translation>GradScope 파일 (*.json *.safetensors);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>gsui::MetricsLab</name>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON 객체가 필요합니다</translation>
    </message>
    <message>
        <source>page: expected one of %1</source>
        <translation>page: %1 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>source: expected 0 to 3</source>
        <translation>source: 0에서 3 사이여야 합니다</translation>
    </message>
    <message>
        <source>threshold: expected a number</source>
        <translation>threshold: 숫자여야 합니다</translation>
    </message>
    <message>
        <source>multiclass: expected one of %1</source>
        <translation>multiclass: %1 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>csv: expected the scores file's path</source>
        <translation>csv: 점수 파일의 경로가 필요합니다</translation>
    </message>
</context>
<context>
    <name>gsui::MistakesPage</name>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>gradient norm, right pipeline</source>
        <translation>기울기 노름, 맞는 파이프라인</translation>
    </message>
    <message>
        <source>gradient norm after double softmax</source>
        <translation>softmax를 두 번 거친 뒤의 기울기 노름</translation>
    </message>
    <message>
        <source>a confident right answer</source>
        <translation>확신에 찬 정답</translation>
    </message>
    <message>
        <source>never below log(1 + 2/e)</source>
        <translation>절대 log(1 + 2/e) 아래로 내려가지 않습니다</translation>
    </message>
    <message>
        <source>x = [2, −1, 0.5, 3]</source>
        <translation>x = [2, −1, 0.5, 3]</translation>
    </message>
    <message>
        <source>x = [2, −1, 0.5, 3]: logits outside [0, 1]</source>
        <translation>x = [2, −1, 0.5, 3]: [0, 1] 밖의 로짓</translation>
    </message>
    <message>
        <source>x = [0.9, 0.1, 0.6, 0.8]</source>
        <translation>x = [0.9, 0.1, 0.6, 0.8]</translation>
    </message>
    <message>
        <source>x = [0.9, 0.1, 0.6, 0.8]: logits that look like probabilities</source>
        <translation>x = [0.9, 0.1, 0.6, 0.8]: 확률처럼 보이는 로짓</translation>
    </message>
    <message>
        <source>t = [0, 1, 2, 0], int64: class indices</source>
        <translation>t = [0, 1, 2, 0], int64: 클래스 인덱스</translation>
    </message>
    <message>
        <source>a float [N, C] target is read as class probabilities</source>
        <translation>float [N, C] 타깃은 클래스 확률로 읽힙니다</translation>
    </message>
    <message>
        <source>one-hot as int64 [N, C]</source>
        <translation>int64 [N, C] 원-핫</translation>
    </message>
    <message>
        <source>class indices as float</source>
        <translation>float로 된 클래스 인덱스</translation>
    </message>
    <message>
        <source>NLLLoss takes indices only</source>
        <translation>NLLLoss는 인덱스만 받습니다</translation>
    </message>
    <message>
        <source>(4,) vs (4,): element by element</source>
        <translation>(4,) 대 (4,): 원소끼리</translation>
    </message>
    <message>
        <source>(4, 1) vs (4,): core refuses</source>
        <translation>(4, 1) 대 (4,): 엔진이 거부합니다</translation>
    </message>
    <message>
        <source>what PyTorch silently returns: the mean over a (4, 4) grid</source>
        <translation>PyTorch가 조용히 돌려주는 값: (4, 4) 격자 전체의 평균</translation>
    </message>
    <message>
        <source>BCELoss takes probabilities, not logits</source>
        <translation>BCELoss는 로짓이 아니라 확률을 받습니다</translation>
    </message>
    <message>
        <source>CrossEntropyLoss targets: class indices (int64) or probabilities</source>
        <translation>CrossEntropyLoss의 타깃: 클래스 인덱스(int64) 또는 확률</translation>
    </message>
    <message>
        <source>MSELoss with a (N, 1) prediction and a (N,) target</source>
        <translation>(N, 1) 예측과 (N,) 타깃으로 MSELoss</translation>
    </message>
    <message>
        <source>The engine refuses:</source>
        <translation>엔진이 거부합니다:</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>pipeline (rows below, in order)</source>
        <translation>파이프라인 (아래 행 순서대로)</translation>
    </message>
    <message>
        <source>✓ trained with F.cross_entropy(z, t)</source>
        <translation>✓ F.cross_entropy(z, t)로 학습</translation>
    </message>
    <message>
        <source>✗ trained with F.cross_entropy(F.softmax(z), t)</source>
        <translation>✗ F.cross_entropy(F.softmax(z), t)로 학습</translation>
    </message>
    <message>
        <source>SGD step (lr = 0.5)</source>
        <translation>SGD 단계 (lr = 0.5)</translation>
    </message>
    <message>
        <source>true cross-entropy</source>
        <translation>실제 교차 엔트로피</translation>
    </message>
    <message>
        <source>Make the mistake</source>
        <translation>실수해 보기</translation>
    </message>
    <message>
        <source>Each mistake runs through the engine beside the right pipeline.</source>
        <translation>각 실수를 맞는 파이프라인 옆에서 엔진으로 직접 실행합니다.</translation>
    </message>
    <message>
        <source>Softmax before CrossEntropyLoss</source>
        <translation>CrossEntropyLoss 앞의 Softmax</translation>
    </message>
    <message>
        <source>BCELoss on logits</source>
        <translation>로짓에 BCELoss</translation>
    </message>
    <message>
        <source>One-hot vs class indices</source>
        <translation>원-핫 대 클래스 인덱스</translation>
    </message>
    <message>
        <source>(N, 1) vs (N,) target</source>
        <translation>(N, 1) 대 (N,) 타깃</translation>
    </message>
    <message>
        <source>Mistake</source>
        <translation>실수</translation>
    </message>
    <message>
        <source>mistake: expected 0 to %1</source>
        <translation>mistake: 0에서 %1 사이여야 합니다</translation>
    </message>
    <message>
        <source>Double softmax: a squashed loss, smaller gradients, slower training</source>
        <translation>softmax 두 번: 눌린 손실, 작은 기울기, 느린 학습</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>실수</translation>
    </message>
</context>
<context>
    <name>gsui::MultiLabelPage</name>
    <message>
        <source>cat</source>
        <translation>고양이</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>개</translation>
    </message>
    <message>
        <source>car</source>
        <translation>자동차</translation>
    </message>
    <message>
        <source>outdoors</source>
        <translation>야외</translation>
    </message>
    <message>
        <source>sigmoid(z): independent, sum = %1</source>
        <translation>sigmoid(z): 독립적, 합 = %1</translation>
    </message>
    <message>
        <source>softmax(z): compete, sum = %1</source>
        <translation>softmax(z): 경쟁, 합 = %1</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>타깃</translation>
    </message>
    <message>
        <source>Multi-label target (tick every tag that applies):</source>
        <translation>다중 레이블 타깃 (해당하는 태그를 모두 선택):</translation>
    </message>
    <message>
        <source>Multi-class target</source>
        <translation>다중 클래스 타깃</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>The same logits: sigmoid per class vs softmax over classes</source>
        <translation>같은 로짓: 클래스별 sigmoid 대 클래스 전체의 softmax</translation>
    </message>
    <message>
        <source>Sigmoid vs softmax</source>
        <translation>Sigmoid 대 softmax</translation>
    </message>
    <message>
        <source>multilabel: expected an object</source>
        <translation>multilabel: 객체가 필요합니다</translation>
    </message>
    <message>
        <source>multilabel: expected %1 logits and %1 tags</source>
        <translation>multilabel: 로짓 %1개와 태그 %1개가 필요합니다</translation>
    </message>
    <message>
        <source>class: expected 0 to %1</source>
        <translation>class: 0에서 %1 사이여야 합니다</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>로짓</translation>
    </message>
    <message>
        <source>Multi-label</source>
        <translation>다중 레이블</translation>
    </message>
    <message>
        <source>Multi-label (a photo can be cat AND outdoors): %1</source>
        <translation>다중 레이블 (사진 한 장이 고양이이면서 야외일 수 있음): %1</translation>
    </message>
    <message>
        <source>Multi-class (exactly one class): %1</source>
        <translation>다중 클래스 (정확히 한 클래스): %1</translation>
    </message>
</context>
<context>
    <name>gsui::MulticlassPage</name>
    <message>
        <source>%1 test samples of class %2 predicted as %3</source>
        <translation>클래스 %2의 테스트 샘플 %1개가 %3(으)로 예측됨</translation>
    </message>
    <message>
        <source>Multi-class</source>
        <translation>다중 클래스</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>micro avg</source>
        <translation>마이크로 평균</translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation>매크로 평균</translation>
    </message>
    <message>
        <source>weighted avg</source>
        <translation>가중 평균</translation>
    </message>
    <message>
        <source>%1 test samples; MLP after %2 epochs</source>
        <translation>테스트 샘플 %1개. MLP, %2 에포크 학습</translation>
    </message>
    <message>
        <source>Data and model</source>
        <translation>데이터와 모델</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>데이터 세트</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>support</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>실제</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Macro averages the classes equally; weighted averages them by support; micro pools every sample's decision, which for one label per sample equals accuracy.</source>
        <translation>매크로 평균은 클래스들을 똑같이 평균하고, 가중 평균은 클래스마다 샘플 수로 가중하며, 마이크로 평균은 모든 샘플의 판정을 한데 모아 셉니다. 샘플마다 레이블이 하나면 마이크로 평균은 정확도와 같습니다.</translation>
    </message>
    <message>
        <source>Multi-class confusion matrix</source>
        <translation>다중 클래스 혼동 행렬</translation>
    </message>
</context>
<context>
    <name>gsui::NetworkBuilder</name>
    <message>
        <source>input shape: “%1” is not a positive size</source>
        <translation>입력 모양: “%1”은(는) 양의 크기가 아닙니다</translation>
    </message>
    <message>
        <source>load network</source>
        <translation>신경망 불러오기</translation>
    </message>
    <message>
        <source>input shape</source>
        <translation>입력 모양</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>%1 추가</translation>
    </message>
    <message>
        <source>remove layer %1</source>
        <translation>층 %1 삭제</translation>
    </message>
    <message>
        <source>move layer %1</source>
        <translation>층 %1 이동</translation>
    </message>
    <message>
        <source>%1 of layer %2</source>
        <translation>층 %2의 %1</translation>
    </message>
    <message>
        <source>%1 parameters in total</source>
        <translation>매개변수 모두 %1개</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>%1 params</source>
        <translation>매개변수 %1개</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>층 %1: %2</translation>
    </message>
    <message>
        <source># The network has an error: %1</source>
        <translation># 신경망에 오류가 있습니다: %1</translation>
    </message>
    <message>
        <source>cannot write "%1"</source>
        <translation>"%1"에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>"%1" was written by a newer GradScope (version %2)</source>
        <translation>"%1"은(는) 더 새로운 GradScope가 썼습니다 (버전 %2)</translation>
    </message>
    <message>
        <source>Input shape (without the batch)</source>
        <translation>입력 모양 (배치 제외)</translation>
    </message>
    <message>
        <source>Add the chosen layer</source>
        <translation>선택한 층 추가</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Move the layer up</source>
        <translation>층을 위로</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>층을 아래로</translation>
    </message>
    <message>
        <source>The lab decides the input: its features.</source>
        <translation>입력은 실험이 정합니다: 선택한 특성입니다.</translation>
    </message>
    <message>
        <source>Click a layer to edit its arguments.</source>
        <translation>층을 클릭하면 인수를 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>Drag a layer from the palette into the network. Drag a layer to move it; drag it onto the palette (or press Delete) to remove it.</source>
        <translation>팔레트의 층을 신경망 안으로 끌어다 놓으세요. 층을 끌면 옮겨지고, 팔레트로 끌어다 놓으면(또는 Delete 키) 지워집니다.</translation>
    </message>
    <message>
        <source>Layer %1 (%2): %3</source>
        <translation>%1번 층 (%2): %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>gsui::NeuronView</name>
    <message>
        <source>weight %1</source>
        <translation>가중치 %1</translation>
    </message>
    <message>
        <source>add a hidden layer</source>
        <translation>은닉층 추가</translation>
    </message>
    <message>
        <source>remove the last hidden layer</source>
        <translation>마지막 은닉층 삭제</translation>
    </message>
    <message>
        <source>add a neuron to hidden layer %1</source>
        <translation>은닉층 %1에 뉴런 추가</translation>
    </message>
    <message>
        <source>remove a neuron from hidden layer %1</source>
        <translation>은닉층 %1에서 뉴런 삭제</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>은닉층</translation>
    </message>
</context>
<context>
    <name>gsui::OptimizersLab</name>
    <message>
        <source>%1   step %2</source>
        <translation>%1   %2단계</translation>
    </message>
    <message>
        <source>f per step</source>
        <translation>단계별 f</translation>
    </message>
    <message>
        <source>f − f(minimum) per step</source>
        <translation>단계별 f − f(최솟값)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>최적화 기법</translation>
    </message>
    <message>
        <source>ended at</source>
        <translation>도착 위치</translation>
    </message>
    <message>
        <source>steps to ε</source>
        <translation>ε까지 단계</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>step (reduces when the loss stalls)</source>
        <translation>단계 (손실이 정체되면 줄어듦)</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>지형</translation>
    </message>
    <message>
        <source>Optimizers and learning rates</source>
        <translation>최적화 기법과 학습률</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계 수</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Scheduler</source>
        <translation>스케줄러</translation>
    </message>
    <message>
        <source>Applied to</source>
        <translation>적용 대상</translation>
    </message>
    <message>
        <source>Contour and paths</source>
        <translation>등고선과 경로</translation>
    </message>
    <message>
        <source>Loss per step</source>
        <translation>단계별 손실</translation>
    </message>
    <message>
        <source>Arrows: velocity, Adam's steps</source>
        <translation>화살표: 속도, Adam의 걸음</translation>
    </message>
    <message>
        <source>lr of %1: constant (no scheduler)</source>
        <translation>%1의 lr: 일정(스케줄러 없음)</translation>
    </message>
    <message>
        <source>lr of %1 with %2</source>
        <translation>%2를 쓴 %1의 lr</translation>
    </message>
    <message>
        <source>quadratic bowl</source>
        <translation>이차 함수 그릇</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>로젠브록 함수</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>빌 함수</translation>
    </message>
    <message>
        <source>Himmelblau</source>
        <translation>힘멜블라우 함수</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>안장점</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>gsui::OverfittingPage</name>
    <message>
        <source>true function</source>
        <translation>실제 함수</translation>
    </message>
    <message>
        <source>validation points</source>
        <translation>검증 점</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>학습 점</translation>
    </message>
    <message>
        <source>degree-%1 fit</source>
        <translation>%1차 적합</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>%1 parameters for %2 training points</source>
        <translation>학습 점 %2개에 매개변수 %1개</translation>
    </message>
    <message>
        <source>epoch %1 · training MSE %2 · validation MSE %3</source>
        <translation>에포크 %1 · 학습 MSE %2 · 검증 MSE %3</translation>
    </message>
    <message>
        <source>Press Play (or Step) to fit the polynomial by gradient descent.</source>
        <translation>재생(또는 한 단계)을 눌러 경사 하강법으로 다항식을 적합하세요.</translation>
    </message>
    <message>
        <source>Overfitting: the curve follows the noise of the training points, so the validation loss is far above the training loss. Lower the degree, add points, or regularize (the Cures page).</source>
        <translation>과적합: 곡선이 학습 점의 잡음을 따라가서 검증 손실이 학습 손실보다 훨씬 높습니다. 차수를 낮추거나, 점을 늘리거나, 규제하세요(처방 페이지).</translation>
    </message>
    <message>
        <source>Underfitting: a line cannot bend like the cubic; both losses stay high together.</source>
        <translation>과소적합: 직선은 3차 함수처럼 휠 수 없어서 두 손실이 함께 높게 남습니다.</translation>
    </message>
    <message>
        <source>The training and validation losses stay close: the model generalizes.</source>
        <translation>학습 손실과 검증 손실이 가깝습니다: 모델이 일반화합니다.</translation>
    </message>
    <message>
        <source>Overfitting</source>
        <translation>과적합</translation>
    </message>
    <message>
        <source>Polynomial fit</source>
        <translation>다항식 적합</translation>
    </message>
    <message>
        <source>Training and validation loss</source>
        <translation>학습 손실과 검증 손실</translation>
    </message>
    <message>
        <source>Model: polynomial regression</source>
        <translation>모델: 다항 회귀</translation>
    </message>
    <message>
        <source>Data: noisy points of a cubic</source>
        <translation>데이터: 잡음 섞인 3차 함수의 점</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>차수</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Training points</source>
        <translation>학습 점</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>에포크별 손실</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>degree: expected 1 to %1, got %2</source>
        <translation>degree: 1에서 %1 사이여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>points: expected 5 to 60, got %1</source>
        <translation>points: 5에서 60 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>noise: expected 0 to 0.5, got %1</source>
        <translation>noise: 0에서 0.5 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>epochs: expected 100 to 20000, got %1</source>
        <translation>epochs: 100에서 20000 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>degree, points, noise, seed, epochs: expected numbers</source>
        <translation>degree, points, noise, seed, epochs: 숫자여야 합니다</translation>
    </message>
    <message>
        <source>Fitted curve (dots: training, crosses: validation)</source>
        <translation>적합된 곡선 (점: 학습, ×: 검증)</translation>
    </message>
    <message>
        <source>Press Play: the training and validation losses appear here, epoch by epoch.</source>
        <translation>재생을 누르세요. 학습 손실과 검증 손실이 에포크마다 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>gsui::PerceptronLab</name>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Logic gate</source>
        <translation>논리 게이트</translation>
    </message>
    <message>
        <source>2-2-1 MLP (hidden layer)</source>
        <translation>2-2-1 MLP (은닉층)</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>은닉층 활성화 함수</translation>
    </message>
    <message>
        <source>Solve with a 2-2-1 MLP</source>
        <translation>2-2-1 MLP로 풀기</translation>
    </message>
    <message>
        <source>w₁ = %1</source>
        <translation>w₁ = %1</translation>
    </message>
    <message>
        <source>w₂ = %1</source>
        <translation>w₂ = %1</translation>
    </message>
    <message>
        <source>b = %1</source>
        <translation>b = %1</translation>
    </message>
    <message>
        <source>Learning rate η = %1</source>
        <translation>학습률 η = %1</translation>
    </message>
    <message>
        <source>Learning rate = %1 (SGD, momentum 0.9)</source>
        <translation>학습률 = %1 (SGD, 모멘텀 0.9)</translation>
    </message>
    <message>
        <source>%1: %2 of 4 points misclassified</source>
        <translation>%1: 점 4개 중 %2개 오분류</translation>
    </message>
    <message>
        <source>MLP: %1 gradient steps, loss %2, %3 of 4 wrong.</source>
        <translation>MLP: 경사 하강 %1번, 손실 %2, 4개 중 %3개 틀림.</translation>
    </message>
    <message>
        <source>The hidden layer bent the space: XOR is solved.</source>
        <translation>은닉층이 공간을 구부렸습니다: XOR을 풀었습니다.</translation>
    </message>
    <message>
        <source>Epoch %1, sample %2 next. %3 of 4 wrong.</source>
        <translation>에포크 %1, 다음은 샘플 %2. 4개 중 %3개 틀림.</translation>
    </message>
    <message>
        <source>Converged: a whole epoch without a mistake.</source>
        <translation>수렴했습니다: 한 에포크 동안 실수가 없었습니다.</translation>
    </message>
    <message>
        <source>XOR is not linearly separable: no line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other, so the rule never settles.</source>
        <translation>XOR은 선형 분리가 불가능합니다: (0,1)과 (1,0)을 한쪽에, (0,0)과 (1,1)을 다른 쪽에 두는 직선이 없어서 규칙이 끝없이 흔들립니다.</translation>
    </message>
    <message>
        <source>Hidden layer view (h₁, h₂)</source>
        <translation>은닉층 보기 (h₁, h₂)</translation>
    </message>
    <message>
        <source>Errors after each update</source>
        <translation>갱신할 때마다의 오류 수</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>본 샘플 수</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>오분류 수</translation>
    </message>
    <message>
        <source>Input space</source>
        <translation>입력 공간</translation>
    </message>
    <message>
        <source>Second plot</source>
        <translation>두 번째 그래프</translation>
    </message>
    <message>
        <source>Single perceptron (step)</source>
        <translation>단일 퍼셉트론 (계단)</translation>
    </message>
    <message>
        <source>Perceptron ŷ = step(w·x + b)</source>
        <translation>퍼셉트론 ŷ = step(w·x + b)</translation>
    </message>
    <message>
        <source>2-2-1 MLP, backpropagation</source>
        <translation>2-2-1 MLP, 역전파</translation>
    </message>
    <message>
        <source>Press Step: each update of the rule adds the count of misclassified points</source>
        <translation>단계를 누르세요. 규칙을 한 번 적용할 때마다 잘못 분류된 점의 개수가 여기에 더해집니다.</translation>
    </message>
</context>
<context>
    <name>gsui::PlaySpeed</name>
    <message>
        <source>Flat out</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>초당 1단계</translation>
    </message>
    <message>
        <source>%1 steps/s</source>
        <translation>초당 %1단계</translation>
    </message>
</context>
<context>
    <name>gsui::PlaygroundControls</name>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation>XOR에는 은닉층이 필요합니다</translation>
    </message>
    <message>
        <source>No hidden layer: the boundary can only be a straight line, and XOR has none. Add a hidden layer (or the feature x1*x2).</source>
        <translation>은닉층이 없으면 경계는 직선뿐인데, XOR을 나누는 직선은 없습니다. 은닉층(또는 특성 x1*x2)을 추가하세요.</translation>
    </message>
    <message>
        <source>The spiral needs depth</source>
        <translation>나선에는 깊이가 필요합니다</translation>
    </message>
    <message>
        <source>Three layers of eight ReLU neurons bend the boundary around the arms of the spiral.</source>
        <translation>ReLU 뉴런 8개짜리 층 세 개가 경계를 나선의 팔을 따라 구부립니다.</translation>
    </message>
    <message>
        <source>Deep sigmoid nets stall</source>
        <translation>깊은 시그모이드 신경망은 멈춥니다</translation>
    </message>
    <message>
        <source>Six sigmoid layers: the gradient vanishes on its way back and the first layers barely learn. Switch the activation to ReLU.</source>
        <translation>시그모이드 층 여섯 개: 기울기가 거꾸로 전해지며 사라져 앞쪽 층이 거의 배우지 못합니다. 활성화 함수를 ReLU로 바꿔 보세요.</translation>
    </message>
    <message>
        <source>Too high a learning rate diverges</source>
        <translation>학습률이 너무 크면 발산합니다</translation>
    </message>
    <message>
        <source>With lr = 10 every step overshoots: the loss jumps about or becomes nan. Lower the learning rate and press Reset.</source>
        <translation>lr = 10이면 매 걸음 지나쳐서 손실이 튀거나 nan이 됩니다. 학습률을 낮추고 처음으로를 누르세요.</translation>
    </message>
    <message>
        <source>Overfitting a small noisy set, cured by L2</source>
        <translation>작고 잡음 많은 데이터의 과적합, L2로 치료하기</translation>
    </message>
    <message>
        <source>Much noise, 20 % of the data to train on, a big network: the training loss falls while the test loss rises. Turn on L2 (0.01), or Dropout p 0.3, and compare.</source>
        <translation>잡음이 많고, 데이터의 20 %로만 학습하고, 신경망이 크면 학습 손실은 줄지만 테스트 손실은 커집니다. L2(0.01)나 드롭아웃 p 0.3을 켜고 비교해 보세요.</translation>
    </message>
    <message>
        <source>Noise %1</source>
        <translation>잡음 %1</translation>
    </message>
    <message>
        <source>Test %1 %</source>
        <translation>테스트 %1 %</translation>
    </message>
    <message>
        <source>Training the network from the builder: %1</source>
        <translation>신경망 만들기에서 가져온 신경망을 학습합니다: %1</translation>
    </message>
    <message>
        <source>Presets: a story to try…</source>
        <translation>프리셋: 해 볼 이야기…</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Save setup…</source>
        <translation>설정 저장…</translation>
    </message>
    <message>
        <source>As a scenario file that gradscope-cli train runs to the same numbers</source>
        <translation>gradscope-cli train이 똑같은 결과로 학습하는 시나리오 파일로</translation>
    </message>
    <message>
        <source>Open setup…</source>
        <translation>설정 열기…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제 유형</translation>
    </message>
    <message>
        <source>binary: sigmoid + BCE</source>
        <translation>이진 분류: 시그모이드 + BCE</translation>
    </message>
    <message>
        <source>multi-class: softmax + cross-entropy</source>
        <translation>다중 분류: 소프트맥스 + 교차 엔트로피</translation>
    </message>
    <message>
        <source>regression: MSE</source>
        <translation>회귀: MSE</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>입력 특성</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>은닉층 수</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>neurons in hidden layer %1</source>
        <translation>은닉층 %1의 뉴런 수</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>default: PyTorch's own (Kaiming uniform with a = √5). zeros: every neuron learns the same thing. normal: N(0, 1), far too large for wide layers.</source>
        <translation>default: PyTorch 기본값 (a = √5인 Kaiming 균등). zeros: 모든 뉴런이 같은 것을 배웁니다. normal: N(0, 1), 넓은 층에는 너무 큽니다.</translation>
    </message>
    <message>
        <source>Dropout p</source>
        <translation>드롭아웃 p</translation>
    </message>
    <message>
        <source>BatchNorm1d after each hidden Linear</source>
        <translation>은닉 Linear마다 뒤에 BatchNorm1d</translation>
    </message>
    <message>
        <source>Edit in the network builder…</source>
        <translation>신경망 만들기에서 편집…</translation>
    </message>
    <message>
        <source>Back to the simple controls</source>
        <translation>단순 컨트롤로 돌아가기</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>최적화 기법</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>규제</translation>
    </message>
    <message>
        <source>Mistake: forget optimizer.zero_grad()</source>
        <translation>실수: optimizer.zero_grad() 잊기</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>테스트 데이터 보기</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>출력 이산화</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>multi-class: softmax + CE</source>
        <translation>다중 분류: 소프트맥스 + CE</translation>
    </message>
    <message>
        <source>BatchNorm1d per layer</source>
        <translation>층마다 BatchNorm1d</translation>
    </message>
    <message>
        <source>Mistake: no zero_grad()</source>
        <translation>실수: zero_grad() 빠뜨림</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>원</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>gaussian</source>
        <translation>가우시안</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>반달</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>덩어리(3개 클래스)</translation>
    </message>
    <message>
        <source>plane</source>
        <translation>평면</translation>
    </message>
    <message>
        <source>multi_gaussian</source>
        <translation>가우시안 여러 개</translation>
    </message>
    <message>
        <source>line</source>
        <translation>직선(1차원)</translation>
    </message>
    <message>
        <source>cubic</source>
        <translation>3차 곡선(1차원)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>table: %1</source>
        <translation>표: %1</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
    <message>
        <source>Your own data: two columns of a CSV file as x₁ and x₂ and a column of labels, or one column and a value to fit</source>
        <translation>내 데이터: CSV 파일의 두 열을 x₁과 x₂로, 한 열을 레이블로 쓰거나, 한 열에 맞출 값을 씁니다</translation>
    </message>
    <message>
        <source>End the fork (keep A)</source>
        <translation>포크 끝내기 (A 유지)</translation>
    </message>
    <message>
        <source>Fork: compare one change</source>
        <translation>포크: 한 가지만 바꿔 비교</translation>
    </message>
    <message>
        <source>B stops; A trains on with its own settings.</source>
        <translation>B는 멈추고, A는 자기 설정으로 계속 학습합니다.</translation>
    </message>
    <message>
        <source>Run B starts as an exact copy of this run (weights, optimizer state, data order). Then change one thing (learning rate, optimizer, activation, batch size, regularization, Dropout p, the zero_grad mistake): it changes B only, and both train side by side.</source>
        <translation>실행 B가 이 실행의 정확한 복사본(가중치, 최적화 기법의 상태, 데이터 순서)으로 시작합니다. 그다음 한 가지(학습률, 최적화 기법, 활성화 함수, 배치 크기, 정규화, Dropout p, zero_grad 실수)를 바꾸면 B만 바뀌고, 두 실행이 나란히 학습합니다.</translation>
    </message>
</context>
<context>
    <name>gsui::PlaygroundLab</name>
    <message>
        <source>Choose at least one input feature.</source>
        <translation>입력 특성을 하나 이상 선택하세요.</translation>
    </message>
    <message>
        <source>%1 steps/s, %2 frames/s</source>
        <translation>초당 %1단계, 초당 %2프레임</translation>
    </message>
    <message>
        <source>Training diverged: lower the learning rate and press Reset.</source>
        <translation>학습이 발산했습니다: 학습률을 낮추고 처음으로를 누르세요.</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 곡선</translation>
    </message>
    <message>
        <source>%1 is not a Playground preset</source>
        <translation>%1은 플레이그라운드 프리셋이 아닙니다</translation>
    </message>
    <message>
        <source>preset %1: %2</source>
        <translation>프리셋 %1: %2</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>층 %1: %2</translation>
    </message>
    <message>
        <source>The last layer is the output: it has to be a Linear layer with out_features=%1.</source>
        <translation>마지막 층은 출력층이므로 out_features=%1인 Linear 층이어야 합니다.</translation>
    </message>
    <message>
        <source>The output layer gives %1 values per point, but %2 needs %3 (Linear out_features=%3).</source>
        <translation>출력층은 점마다 값 %1개를 내지만, %2에는 %3개가 필요합니다 (Linear out_features=%3).</translation>
    </message>
    <message>
        <source>Playground network</source>
        <translation>플레이그라운드 신경망</translation>
    </message>
    <message>
        <source>The input is the %1 chosen features; the last layer is the output (%2 value(s) per point). Apply trains this network in the Playground.</source>
        <translation>입력은 선택한 특성 %1개이고, 마지막 층이 출력입니다 (점마다 값 %2개). 적용을 누르면 플레이그라운드에서 이 신경망을 학습합니다.</translation>
    </message>
    <message>
        <source>The network cannot be built: %1</source>
        <translation>신경망을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source># The network has an error: %1</source>
        <translation># 신경망에 오류가 있습니다: %1</translation>
    </message>
    <message>
        <source>Save the setup as a scenario</source>
        <translation>설정을 시나리오로 저장</translation>
    </message>
    <message>
        <source>Scenario (*.json)</source>
        <translation>시나리오 (*.json)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>저장 실패</translation>
    </message>
    <message>
        <source>Saved. Train the same setup from the command line: gradscope-cli train %1</source>
        <translation>저장했습니다. 명령줄에서 같은 설정으로 학습하세요: gradscope-cli train %1</translation>
    </message>
    <message>
        <source>Open a Playground scenario</source>
        <translation>플레이그라운드 시나리오 열기</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>열기 실패</translation>
    </message>
    <message>
        <source>%1: dataset.name "%2" is not one of the Playground's data sets</source>
        <translation>%1: dataset.name "%2"은(는) 플레이그라운드 데이터가 아닙니다</translation>
    </message>
    <message>
        <source>the saved session</source>
        <translation>저장된 세션</translation>
    </message>
    <message>
        <source>The weights were not saved: %1</source>
        <translation>가중치를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The weights were not loaded (nothing changed): %1</source>
        <translation>가중치를 불러오지 못했습니다(아무것도 바뀌지 않음): %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Two classes are drawn on the plane of x₁ and x₂: choose a column for each (or the task regression, which fits y against x₁).</source>
        <translation>두 클래스는 x₁과 x₂의 평면에 그려집니다. 각각에 열을 하나씩 고르세요(또는 x₁에 대해 y를 맞추는 회귀 작업을 고르세요).</translation>
    </message>
    <message>
        <source>Choose one or two feature columns.</source>
        <translation>특성 열을 하나 또는 두 개 고르세요.</translation>
    </message>
    <message>
        <source>Training on %1: %2 points at most, standardized, split as the generated sets are.</source>
        <translation>%1로 학습합니다: 최대 %2개 점, 생성된 데이터셋과 똑같이 표준화하고 나눕니다.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <source>B stopped: %1</source>
        <translation>B 중지: %1</translation>
    </message>
    <message>
        <source>A: %1   B: %2</source>
        <translation>A: %1   B: %2</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>배치 %1</translation>
    </message>
    <message>
        <source>no regularization</source>
        <translation>정규화 없음</translation>
    </message>
    <message>
        <source>Dropout p %1</source>
        <translation>Dropout p %1</translation>
    </message>
    <message>
        <source>no zero_grad()</source>
        <translation>zero_grad() 없음</translation>
    </message>
    <message>
        <source>with zero_grad()</source>
        <translation>zero_grad() 있음</translation>
    </message>
    <message>
        <source>no change yet</source>
        <translation>아직 바꾼 것 없음</translation>
    </message>
    <message>
        <source>The network is not built yet.</source>
        <translation>네트워크가 아직 만들어지지 않았습니다.</translation>
    </message>
    <message>
        <source>The run could not be forked: %1</source>
        <translation>실행을 포크할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Forked: B is A. Change one thing: it changes B only.</source>
        <translation>포크됨: 지금 B는 A와 똑같습니다. 한 가지를 바꾸면 B만 바뀝니다.</translation>
    </message>
    <message>
        <source>A fork compares one training change: the learning rate, optimizer, activation, batch size, regularization, Dropout p (when the run has Dropout) or the zero_grad mistake. End the fork to change the data or the layers.</source>
        <translation>포크는 학습 설정 한 가지의 변화를 비교합니다: 학습률, 최적화 기법, 활성화 함수, 배치 크기, 정규화, Dropout p(실행에 Dropout이 있을 때), zero_grad 실수. 데이터나 층을 바꾸려면 포크를 끝내세요.</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV 가져오기…</translation>
    </message>
</context>
<context>
    <name>gsui::PlaygroundViews</name>
    <message>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Epoch %1 · test MSE %2</source>
        <translation>에포크 %1 · 테스트 MSE %2</translation>
    </message>
    <message>
        <source>Epoch %1 · test loss %2 · accuracy %3 %</source>
        <translation>에포크 %1 · 테스트 손실 %2 · 정확도 %3 %</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Loss (train and test)</source>
        <translation>손실 (학습과 테스트)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>A: ROC and confusion</source>
        <translation>A: ROC와 혼동 행렬</translation>
    </message>
    <message>
        <source>B (%1)</source>
        <translation>B (%1)</translation>
    </message>
    <message>
        <source>epoch %1 · MSE %2</source>
        <translation>에포크 %1 · MSE %2</translation>
    </message>
    <message>
        <source>epoch %1 · %2 % right</source>
        <translation>에포크 %1 · %2 % 맞음</translation>
    </message>
    <message>
        <source>A: train</source>
        <translation>A: 학습</translation>
    </message>
    <message>
        <source>A: test</source>
        <translation>A: 테스트</translation>
    </message>
    <message>
        <source>B (%1): train</source>
        <translation>B (%1): 학습</translation>
    </message>
    <message>
        <source>B (%1): test</source>
        <translation>B (%1): 테스트</translation>
    </message>
</context>
<context>
    <name>gsui::RegressionPage</name>
    <message>
        <source>Huber δ = %1</source>
        <translation>Huber δ = %1</translation>
    </message>
    <message>
        <source>points (drag them)</source>
        <translation>점 (끌어서 옮기기)</translation>
    </message>
    <message>
        <source>point</source>
        <translation>점</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>%1(reduction='none') per point · dashed: the mean = the cost %2 · sum %3</source>
        <translation>점마다 %1(reduction='none') · 점선: 평균 = 비용 %2 · 합 %3</translation>
    </message>
    <message>
        <source>tensor([%1])
shape (%2,): one loss per point</source>
        <translation>tensor([%1])
모양 (%2,): 점마다 손실 하나</translation>
    </message>
    <message>
        <source>tensor(%1)
the cost: the sum divided by N = %2</source>
        <translation>tensor(%1)
비용: 합을 N = %2로 나눈 값</translation>
    </message>
    <message>
        <source>tensor(%1)
N = %2 times the mean: the gradient is N times larger too</source>
        <translation>tensor(%1)
평균의 N = %2배: 기울기도 N배 커집니다</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>점</translation>
    </message>
    <message>
        <source>Make an outlier</source>
        <translation>이상치 만들기</translation>
    </message>
    <message>
        <source>Reset points</source>
        <translation>점 되돌리기</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>맞춘 직선</translation>
    </message>
    <message>
        <source>Loss per point vs cost</source>
        <translation>점별 손실과 비용</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>reduction</source>
        <translation>reduction</translation>
    </message>
    <message>
        <source>y = w·x + b fitted by each loss</source>
        <translation>손실마다 맞춘 y = w·x + b</translation>
    </message>
    <message>
        <source>Line fits</source>
        <translation>직선 맞추기</translation>
    </message>
    <message>
        <source>Loss per point</source>
        <translation>점별 손실</translation>
    </message>
    <message>
        <source>regression: expected an object</source>
        <translation>regression: 객체가 필요합니다</translation>
    </message>
    <message>
        <source>points: expected 2 to 50 [x, y] pairs</source>
        <translation>points: [x, y] 쌍이 2개에서 50개 필요합니다</translation>
    </message>
    <message>
        <source>points: expected [x, y] pairs of numbers, got %1</source>
        <translation>points: 숫자 [x, y] 쌍이 필요한데 %1입니다</translation>
    </message>
    <message>
        <source>delta: expected 0.1 to 5, got %1</source>
        <translation>delta: 0.1에서 5 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>bars: expected 0 to 2, got %1</source>
        <translation>bars: 0에서 2 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>reduction: expected none, mean or sum, got %1</source>
        <translation>reduction: none, mean, sum 중 하나여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>%1: w = %2, b = %3 (cost %4, %5 Adam steps)</source>
        <translation>%1: w = %2, b = %3 (비용 %4, Adam %5단계)</translation>
    </message>
    <message>
        <source>Drag a point with the mouse: the three lines are refitted by Adam on each loss.</source>
        <translation>마우스로 점을 끌어 보세요. 세 직선이 각 손실에 대해 Adam으로 다시 맞춰집니다.</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>회귀</translation>
    </message>
</context>
<context>
    <name>gsui::SchemeGridPage</name>
    <message>
        <source>std per layer, %1, %2</source>
        <translation>층별 표준편차, %1, %2</translation>
    </message>
    <message>
        <source>std of each hidden layer's activations, layers 1 to 5 (log scale; shaded: 0.1 to 1)</source>
        <translation>각 은닉층 활성화 값의 표준편차, 1~5층 (로그 눈금; 음영: 0.1~1)</translation>
    </message>
    <message>
        <source>Each cell is the same 5-layer network of 100 units on the same 1,000 inputs. A line that stays in the shaded band keeps the signal's scale: Xavier with sigmoid or tanh, He with ReLU. N(0, 0.01²) falls towards 0: every value collapses to one (sigmoid's to 0.5); N(0, 1) saturates sigmoid and tanh and explodes with ReLU.</source>
        <translation>각 칸은 같은 입력 1,000개에 대한 100유닛 5층 신경망입니다. 음영 띠 안에 머무는 선은 신호의 스케일을 유지합니다: 시그모이드·tanh에는 Xavier, ReLU에는 He. N(0, 0.01²)은 0으로 떨어집니다: 모든 값이 한 값으로 붕괴합니다(시그모이드는 0.5로). N(0, 1)은 시그모이드와 tanh를 포화시키고 ReLU에서는 폭발합니다.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>한눈에 보기</translation>
    </message>
</context>
<context>
    <name>gsui::SessionStore</name>
    <message>
        <source>no session file</source>
        <translation>세션 파일이 없습니다</translation>
    </message>
    <message>
        <source>"%1" is not a GradScope session (no "labs")</source>
        <translation>"%1"은(는) GradScope 세션이 아닙니다 ("labs" 없음)</translation>
    </message>
    <message>
        <source>"%1" was written by a newer GradScope (version %2)</source>
        <translation>"%1"은(는) 더 새로운 GradScope가 썼습니다 (버전 %2)</translation>
    </message>
    <message>
        <source>%1: no such lab</source>
        <translation>%1: 그런 실험이 없습니다</translation>
    </message>
    <message>
        <source>"%1": version: expected a whole number, got %2</source>
        <translation>"%1": version: 정수여야 하는데 %2입니다</translation>
    </message>
    <message>
        <source>"%1": %2: expected %3, got %4</source>
        <translation>"%1": %2: %3이어야 하는데 %4입니다</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>The last session could not be restored (%1). It was moved to %2.</source>
        <translation>지난 세션을 복구할 수 없습니다(%1). 파일을 %2(으)로 옮겨 두었습니다.</translation>
    </message>
    <message>
        <source>The last session could not be restored (%1) and was removed.</source>
        <translation>지난 세션을 복구할 수 없어(%1) 지웠습니다.</translation>
    </message>
    <message>
        <source>The last session could not be restored (%1).</source>
        <translation>지난 세션을 복구할 수 없습니다(%1).</translation>
    </message>
</context>
<context>
    <name>gsui::ShortcutsPage</name>
    <message>
        <source>MLP, 20 layers, spiral</source>
        <translation>MLP, 20층, 나선</translation>
    </message>
    <message>
        <source>CNN, 19 conv layers, digits</source>
        <translation>CNN, 합성곱 19층, 숫자</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>지름길 연결</translation>
    </message>
    <message>
        <source>Network, plain and residual</source>
        <translation>신경망: 일반과 잔차</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Train both</source>
        <translation>둘 다 학습</translation>
    </message>
    <message>
        <source>A residual block adds its input to its output: &lt;b&gt;y = F(x) + x&lt;/b&gt;, so &lt;b&gt;∂y/∂x = F′(x) + 1&lt;/b&gt;. Through the + 1 the gradient skips F and reaches the first layers undiminished; in the plain network every layer's F′ multiplies it on the way down.</source>
        <translation>잔차 블록은 입력을 출력에 더합니다: &lt;b&gt;y = F(x) + x&lt;/b&gt;, 따라서 &lt;b&gt;∂y/∂x = F′(x) + 1&lt;/b&gt;. 기울기는 이 + 1을 통해 F를 건너뛰어 줄어들지 않고 첫 층까지 갑니다. 일반 신경망에서는 내려가는 길에 층마다 F′가 곱해집니다.</translation>
    </message>
    <message>
        <source>Gradient norm ‖∂L/∂W‖ per layer (%1 training samples)</source>
        <translation>층별 기울기 노름 ‖∂L/∂W‖ (학습 샘플 %1개)</translation>
    </message>
    <message>
        <source>weight layer (input side first)</source>
        <translation>가중치 층 (입력 쪽부터)</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ (log scale)</source>
        <translation>‖∂L/∂W‖ (로그 눈금)</translation>
    </message>
    <message>
        <source>Training loss per epoch</source>
        <translation>에포크별 학습 손실</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>잔차</translation>
    </message>
    <message>
        <source>at initialization</source>
        <translation>초기화 시점</translation>
    </message>
    <message>
        <source>after epoch %1</source>
        <translation>에포크 %1 뒤</translation>
    </message>
    <message>
        <source>Building both networks and measuring their gradients…</source>
        <translation>두 신경망을 만들고 기울기를 재는 중…</translation>
    </message>
    <message>
        <source>First layer's gradient at initialization: plain %1, residual %2.</source>
        <translation>초기화 시점 첫 층의 기울기: 일반 %1, 잔차 %2.</translation>
    </message>
    <message>
        <source>Press Train both (or Step) to train them from the same seed.</source>
        <translation>둘 다 학습(또는 한 단계)을 누르면 같은 시드에서 둘을 학습합니다.</translation>
    </message>
    <message>
        <source>After epoch %1: first layer's gradient plain %2, residual %3; training loss plain %4, residual %5; test accuracy plain %6, residual %7.</source>
        <translation>에포크 %1 뒤: 첫 층의 기울기 일반 %2, 잔차 %3; 학습 손실 일반 %4, 잔차 %5; 테스트 정확도 일반 %6, 잔차 %7.</translation>
    </message>
    <message>
        <source>BatchNorm keeps the plain CNN's gradients from vanishing, yet it trains worse: the shortcuts also make a deep network easier to optimize.</source>
        <translation>배치 정규화 덕분에 일반 CNN의 기울기는 사라지지 않지만 학습은 더 나쁩니다. 지름길 연결은 깊은 신경망의 최적화 자체도 쉽게 만듭니다.</translation>
    </message>
    <message>
        <source>The %1 network diverged.</source>
        <translation>%1 신경망이 발산했습니다.</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Gradient norm per layer</source>
        <translation>층별 기울기 노름</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>network: expected "mlp" or "cnn", got %1</source>
        <translation>network: "mlp" 또는 "cnn"이어야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>epochs: expected an integer from %1 to %2, got %3</source>
        <translation>epochs: %1에서 %2 사이의 정수여야 하는데 %3입니다</translation>
    </message>
    <message>
        <source>Train both: each epoch adds both networks' training loss here.</source>
        <translation>둘 다 학습을 누르면 에포크마다 두 신경망의 학습 손실이 여기에 더해집니다.</translation>
    </message>
</context>
<context>
    <name>gsui::SplitsPage</name>
    <message>
        <source>fold %1</source>
        <translation>폴드 %1</translation>
    </message>
    <message>
        <source>test accuracy of each fold</source>
        <translation>폴드별 테스트 정확도</translation>
    </message>
    <message>
        <source>train %1 · validation %2 · test %3 (each class in proportion)</source>
        <translation>학습 %1 · 검증 %2 · 테스트 %3 (클래스마다 같은 비율)</translation>
    </message>
    <message>
        <source>fold %1 of %2: training on the other %3 folds, epoch %4 of %5</source>
        <translation>폴드 %1/%2: 나머지 폴드 %3개로 학습 중, 에포크 %4/%5</translation>
    </message>
    <message>
        <source>%1 of %2 folds done. Step trains the next fold, Play all of them.</source>
        <translation>폴드 %2개 중 %1개 완료. 한 단계는 다음 폴드를, 재생은 모든 폴드를 학습합니다.</translation>
    </message>
    <message>
        <source>All %1 folds done: every sample was tested exactly once.</source>
        <translation>폴드 %1개 모두 완료: 모든 샘플이 정확히 한 번 테스트되었습니다.</translation>
    </message>
    <message>
        <source>%1 draws with replacement: %2 samples never drawn (out of bag, %3%; about 1/e = 36.8%), one drawn %4 times</source>
        <translation>복원 추출 %1번: 한 번도 뽑히지 않은 샘플 %2개 (%3%, 약 1/e = 36.8%; 이른바 OOB 샘플), 가장 많이 뽑힌 샘플은 %4번</translation>
    </message>
    <message>
        <source>Accuracy %1% ± %2% · loss %3 ± %4 over %5 of %6 folds (mean ± population std, as gradscope-cli cv prints them)</source>
        <translation>정확도 %1% ± %2% · 손실 %3 ± %4 (폴드 %6개 중 %5개; 평균 ± 모표준편차, gradscope-cli cv와 같은 방식)</translation>
    </message>
    <message>
        <source>Splits and k-fold</source>
        <translation>분할과 k-겹</translation>
    </message>
    <message>
        <source>Samples and folds</source>
        <translation>샘플과 폴드</translation>
    </message>
    <message>
        <source>Fold scores</source>
        <translation>폴드 점수</translation>
    </message>
    <message>
        <source>Hold-out split</source>
        <translation>홀드아웃 분할</translation>
    </message>
    <message>
        <source>k-fold cross-validation</source>
        <translation>k-겹 교차 검증</translation>
    </message>
    <message>
        <source>Bootstrap</source>
        <translation>부트스트랩</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Folds (k)</source>
        <translation>폴드 수 (k)</translation>
    </message>
    <message>
        <source>Resample seed</source>
        <translation>재추출 시드</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>hold-out</source>
        <translation>홀드아웃</translation>
    </message>
    <message>
        <source>bootstrap</source>
        <translation>부트스트랩</translation>
    </message>
    <message>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>out of bag</source>
        <translation>뽑히지 않음</translation>
    </message>
    <message>
        <source>Test accuracy (%) of each fold; dashed: the mean, band: ± one std</source>
        <translation>폴드별 테스트 정확도 (%); 점선: 평균, 띠: ± 표준편차</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>folds: expected 2 to 10, got %1</source>
        <translation>folds: 2에서 10 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>test_ratio: expected 0.1 to 0.5, got %1</source>
        <translation>test_ratio: 0.1에서 0.5 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>validation: expected 0 to 0.5, got %1</source>
        <translation>validation: 0에서 0.5 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>bootstrap_seed: expected 0 to 9999, got %1</source>
        <translation>bootstrap_seed: 0에서 9999 사이여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>folds, bootstrap_seed, test_ratio, validation: expected numbers</source>
        <translation>folds, bootstrap_seed, test_ratio, validation: 숫자여야 합니다</translation>
    </message>
    <message>
        <source>Each fold row of the strip is one run: its test part (hollow) holds 1/%1 of every class. Train the folds to see each one's score and their mean ± std.</source>
        <translation>띠의 폴드 행 하나가 학습 한 번입니다: 테스트 부분(빈 칸)은 모든 클래스의 1/%1입니다. 폴드를 학습해 각 점수와 평균 ± 표준편차를 보세요.</translation>
    </message>
    <message>
        <source>Step trains one fold: its test accuracy appears here as a bar.</source>
        <translation>한 단계를 누르면 폴드 하나를 학습하고, 그 테스트 정확도가 여기에 막대로 나타납니다.</translation>
    </message>
</context>
<context>
    <name>gsui::SurfaceView</name>
    <message>
        <source>The 3-D view needs OpenGL, which this session does not have (run GradScope with a display, or under xvfb-run).</source>
        <translation>3차원 보기에는 OpenGL이 필요한데 지금은 사용할 수 없습니다 (화면이 있는 환경이나 xvfb-run으로 GradScope를 실행하세요).</translation>
    </message>
</context>
<context>
    <name>gsui::TabbedLab</name>
    <message>
        <source>page: expected one of %1, got %2</source>
        <translation>page: %1 중 하나여야 하는데 %2입니다</translation>
    </message>
</context>
<context>
    <name>gsui::TensorView</name>
    <message>
        <source>shape %1</source>
        <translation>모양 %1</translation>
    </message>
    <message>
        <source>stride %1</source>
        <translation>스트라이드 %1</translation>
    </message>
    <message>
        <source>offset %1</source>
        <translation>오프셋 %1</translation>
    </message>
    <message>
        <source>contiguous ✓</source>
        <translation>연속(contiguous) ✓</translation>
    </message>
    <message>
        <source>not contiguous ✗</source>
        <translation>비연속 ✗</translation>
    </message>
    <message>
        <source>shares memory with %1</source>
        <translation>메모리 공유: %1</translation>
    </message>
    <message>
        <source>%1 elements: too many to draw one by one.</source>
        <translation>원소 %1개: 하나씩 그리기에는 너무 많습니다.</translation>
    </message>
    <message>
        <source>first values: %1</source>
        <translation>처음 값: %1</translation>
    </message>
    <message>
        <source>storage: %1 elements (%2)</source>
        <translation>저장소: 원소 %1개 (%2)</translation>
    </message>
    <message>
        <source>storage: %1 elements (too many to draw)</source>
        <translation>저장소: 원소 %1개 (너무 많아 그리지 않음)</translation>
    </message>
    <message>
        <source>%1 (dim %2)</source>
        <translation>%1 (dim %2)</translation>
    </message>
    <message>
        <source>Point at a cell to see where it lives in storage (click to pin).</source>
        <translation>칸을 가리키면 저장소의 어디에 있는지 보입니다(클릭하면 고정).</translation>
    </message>
    <message>
        <source>%1 lives at storage offset %2 = %3</source>
        <translation>%1은 저장소 오프셋 %2 = %3에 있습니다</translation>
    </message>
    <message>
        <source>storage: 1 element (%1)</source>
        <translation>저장소: 원소 1개 (%1)</translation>
    </message>
    <message>
        <source>+0 (dim %1): stays on the same cell</source>
        <translation>+0 (dim %1): 같은 저장소 칸에 머묾</translation>
    </message>
    <message>
        <source>Each tensor the program makes appears here as a card: its values, its shape and strides, and the storage under them.</source>
        <translation>프로그램이 만드는 텐서마다 여기에 카드가 하나씩 나타납니다: 값, 모양과 스트라이드, 그 아래의 저장소.</translation>
    </message>
</context>
<context>
    <name>gsui::TensorsLab</name>
    <message>
        <source>End of the program: press Reset to start again.</source>
        <translation>프로그램 끝: 다시 시작하려면 처음으로를 누르세요.</translation>
    </message>
    <message>
        <source>No statements</source>
        <translation>문장 없음</translation>
    </message>
    <message>
        <source>Before statement 1 of %1</source>
        <translation>문장 1/%1 실행 전</translation>
    </message>
    <message>
        <source>Statement %1 of %2</source>
        <translation>문장 %1/%2</translation>
    </message>
    <message>
        <source>The program cannot be split into statements.</source>
        <translation>프로그램을 문장으로 나눌 수 없습니다.</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Step&lt;/b&gt; to run the program one statement at a time, or &lt;b&gt;Run&lt;/b&gt; to run it all.</source>
        <translation>&lt;b&gt;한 단계&lt;/b&gt;를 누르면 한 문장씩, &lt;b&gt;실행&lt;/b&gt;을 누르면 전체를 실행합니다.</translation>
    </message>
    <message>
        <source>Line %1:</source>
        <translation>%1행:</translation>
    </message>
    <message>
        <source>Error in line %1:</source>
        <translation>%1행 오류:</translation>
    </message>
    <message>
        <source>PyTorch says:</source>
        <translation>PyTorch의 메시지:</translation>
    </message>
    <message>
        <source>The picture keeps the state before the error.</source>
        <translation>그림은 오류 직전의 상태를 유지합니다.</translation>
    </message>
    <message>
        <source>result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>the value of %1</source>
        <translation>%1의 값</translation>
    </message>
    <message>
        <source>set by this statement</source>
        <translation>이 문장이 설정함</translation>
    </message>
    <message>
        <source>the value of the statement</source>
        <translation>이 문장의 값</translation>
    </message>
    <message>
        <source>Other variables: %1</source>
        <translation>다른 변수: %1</translation>
    </message>
    <message>
        <source>Not drawn (too many tensors): %1</source>
        <translation>그리지 않음(텐서가 너무 많음): %1</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>프로그램</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Run the whole program from the start; it stops at the first error, as Python does.</source>
        <translation>프로그램 전체를 처음부터 실행합니다. Python처럼 첫 오류에서 멈춥니다.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Run the next statement.</source>
        <translation>다음 문장을 실행합니다.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Forget all variables and go back to the first statement.</source>
        <translation>모든 변수를 지우고 첫 문장으로 돌아갑니다.</translation>
    </message>
    <message>
        <source>One statement per line (or separated by ;). Comments above a statement are its note.</source>
        <translation>한 줄에 한 문장(또는 ;로 구분). 문장 바로 위의 주석이 그 문장의 설명이 됩니다.</translation>
    </message>
    <message>
        <source>the Tensors lab's state is not an object</source>
        <translation>텐서 실험 상태가 객체가 아닙니다</translation>
    </message>
    <message>
        <source>the Tensors lab's state has no "program" text</source>
        <translation>텐서 실험 상태에 "program" 텍스트가 없습니다</translation>
    </message>
    <message>
        <source>"preset" must be a file name</source>
        <translation>"preset"은 파일 이름이어야 합니다</translation>
    </message>
    <message>
        <source>Tensors and their storage</source>
        <translation>텐서와 저장소</translation>
    </message>
    <message>
        <source>Example %1 of %2</source>
        <translation>예제 %1 / %2</translation>
    </message>
</context>
<context>
    <name>gsui::TrainingSessionBase</name>
    <message>
        <source>Training stopped: %1</source>
        <translation>학습이 멈췄습니다: %1</translation>
    </message>
    <message>
        <source>step %1 · epoch %2 · loss %3</source>
        <translation>%1단계 · 에포크 %2 · 손실 %3</translation>
    </message>
    <message>
        <source> · lr %1</source>
        <translation> · lr %1</translation>
    </message>
</context>
<context>
    <name>gsui::TransferPage</name>
    <message>
        <source>Transfer learning</source>
        <translation>전이 학습</translation>
    </message>
    <message>
        <source>From scratch</source>
        <translation>처음부터 학습</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Train the three recipes</source>
        <translation>세 방법 학습</translation>
    </message>
    <message>
        <source>frozen: requires_grad = False (from the base)</source>
        <translation>고정: requires_grad = False (기반 모델에서)</translation>
    </message>
    <message>
        <source>from the base, trained</source>
        <translation>기반 모델에서 가져와 학습</translation>
    </message>
    <message>
        <source>new head, trained</source>
        <translation>새 헤드, 학습</translation>
    </message>
    <message>
        <source>Loading Fashion-MNIST and the pretrained weights…</source>
        <translation>Fashion-MNIST와 사전 학습된 가중치를 불러오는 중…</translation>
    </message>
    <message>
        <source>Check: the frozen tensors changed — they should not have.</source>
        <translation>확인: 고정된 텐서가 바뀌었습니다 — 바뀌면 안 됩니다.</translation>
    </message>
    <message>
        <source>Images per class</source>
        <translation>클래스당 이미지</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>미세 조정</translation>
    </message>
    <message>
        <source>epoch (0: before training)</source>
        <translation>에포크 (0: 학습 전)</translation>
    </message>
    <message>
        <source>Transfer learning: test accuracy</source>
        <translation>전이 학습: 테스트 정확도</translation>
    </message>
    <message>
        <source>Transfer learning: the network</source>
        <translation>전이 학습: 신경망</translation>
    </message>
    <message>
        <source>expected an object with per_class and epochs</source>
        <translation>per_class와 epochs가 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>per_class: expected one of 1, 2, 5, 10, 20, 50, got %1</source>
        <translation>per_class: 1, 2, 5, 10, 20, 50 중 하나여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>epochs: expected %1 to %2, got %3</source>
        <translation>epochs: %1에서 %2 사이여야 하는데 %3입니다</translation>
    </message>
    <message>
        <source>Frozen + new head</source>
        <translation>고정 + 새 헤드</translation>
    </message>
    <message>
        <source>Fine-tune all</source>
        <translation>전체 미세 조정</translation>
    </message>
    <message>
        <source>Trainable: %1 (the head) · frozen: %2 (the convolutions, from fashion_base.safetensors)</source>
        <translation>학습: %1개(헤드) · 고정: %2개(합성곱, fashion_base.safetensors에서)</translation>
    </message>
    <message>
        <source>The frozen tensors are still the file's, bit for bit; the head's weights moved.</source>
        <translation>고정된 텐서는 여전히 파일의 값과 비트 하나까지 같고, 헤드의 가중치만 바뀌었습니다.</translation>
    </message>
    <message>
        <source>Epoch %1/%2. Test accuracy on the 5,000 test images of the new classes: frozen + new head %3, fine-tune all %4, from scratch %5.</source>
        <translation>에포크 %1/%2. 새 클래스의 테스트 이미지 5,000장에 대한 정확도: 고정 + 새 헤드 %3, 전체 미세 조정 %4, 처음부터 학습 %5.</translation>
    </message>
    <message>
        <source>test accuracy (%)</source>
        <translation>테스트 정확도 (%)</translation>
    </message>
    <message>
        <source>New classes (the base never saw them)</source>
        <translation>새 클래스 (기반 모델이 본 적 없음)</translation>
    </message>
    <message>
        <source>New classes</source>
        <translation>새 클래스</translation>
    </message>
    <message>
        <source>Epoch 0: the three networks before training. "Train the three recipes" draws each one's test accuracy after every epoch.</source>
        <translation>에포크 0: 학습 전의 세 신경망입니다. "세 방법 학습"을 누르면 에포크마다 각 신경망의 테스트 정확도를 그립니다.</translation>
    </message>
</context>
<context>
    <name>gsui::VggDiagram</name>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>매개변수 %1개</translation>
    </message>
    <message>
        <source>Head: Flatten, Linear</source>
        <translation>헤드: Flatten, Linear</translation>
    </message>
    <message>
        <source>Block %1: %2</source>
        <translation>블록 %1: %2</translation>
    </message>
    <message>
        <source>%1 parameters in total</source>
        <translation>매개변수 모두 %1개</translation>
    </message>
</context>
<context>
    <name>gsui::VggPage</name>
    <message>
        <source>VGG blocks</source>
        <translation>VGG 블록</translation>
    </message>
    <message>
        <source>Layer %1 (%2): the %3 window does not fit in the %4 feature map. Each block halves the image, so %5 blocks need an input of at least %6×%6 pixels: choose fewer blocks or a larger input.</source>
        <translation>%1층 (%2): %3 창이 %4 특성 맵에 들어가지 않습니다. 블록마다 이미지가 절반이 되므로 블록 %5개에는 적어도 %6×%6 픽셀의 입력이 필요합니다. 블록을 줄이거나 더 큰 입력을 고르세요.</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>블록 %1</translation>
    </message>
    <message>
        <source>Parameters per block</source>
        <translation>블록별 매개변수</translation>
    </message>
    <message>
        <source>No network: the blocks do not fit the input.</source>
        <translation>신경망 없음: 블록이 입력에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>The head holds %1% of the %2 parameters; the last block holds %3% of the convolutions' parameters. A convolution's weights grow with its channels (out × in × 3 × 3), not with the image; the head's Linear grows with everything the last block outputs.</source>
        <translation>매개변수 %2개 중 %1%가 헤드에 있고, 합성곱 매개변수의 %3%가 마지막 블록에 있습니다. 합성곱의 가중치는 이미지 크기가 아니라 채널 수에 따라 늘어나고(out × in × 3 × 3), 헤드의 Linear는 마지막 블록이 내보내는 값 전체에 따라 늘어납니다.</translation>
    </message>
    <message>
        <source># This network does not fit its input:
# %1</source>
        <translation># 이 신경망은 입력에 맞지 않습니다:
# %1</translation>
    </message>
    <message>
        <source>VGG network</source>
        <translation>VGG 신경망</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>블록 수</translation>
    </message>
    <message>
        <source>Convs per block</source>
        <translation>블록당 합성곱</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>The first block's out_channels; each later block doubles them</source>
        <translation>첫 블록의 out_channels. 뒤의 블록마다 두 배가 됩니다</translation>
    </message>
    <message>
        <source>Digits 1×8×8</source>
        <translation>숫자 1×8×8</translation>
    </message>
    <message>
        <source>Fashion 1×28×28</source>
        <translation>Fashion 1×28×28</translation>
    </message>
    <message>
        <source>Photo 3×32×32</source>
        <translation>사진 3×32×32</translation>
    </message>
    <message>
        <source>Open in the network builder</source>
        <translation>신경망 만들기에서 열기</translation>
    </message>
    <message>
        <source>VGG's rule: 3×3 convolutions with padding 1 keep the size, MaxPool2d(2) halves it, and the channels double after each pool. VGG16: 13 convolutions in 5 blocks, 64 → 512 channels.</source>
        <translation>VGG의 규칙: padding 1인 3×3 합성곱은 크기를 그대로 두고, MaxPool2d(2)는 절반으로 줄이며, 풀링마다 채널이 두 배가 됩니다. VGG16: 블록 5개에 합성곱 13개, 채널 64 → 512.</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>input: expected digits, fashion or photo, got %1</source>
        <translation>input: digits, fashion, photo 중 하나여야 하는데 %1입니다</translation>
    </message>
    <message>
        <source>%1: expected an integer from %2 to %3, got %4</source>
        <translation>%1: %2에서 %3 사이의 정수여야 하는데 %4입니다</translation>
    </message>
    <message>
        <source>channels: expected 8, 16, 32 or 64, got %1</source>
        <translation>channels: 8, 16, 32, 64 중 하나여야 하는데 %1입니다</translation>
    </message>
</context>
</TS>