// Autograd as PyTorch does it, and the course's mistakes made on purpose: each error fires with a
// sentence that explains it and PyTorch's own message.
#include <QtTest>

#include "test_helpers.h"

#include "autograd/engine.h"
#include "autograd/expression.h"
#include "autograd/grad_mode.h"
#include "ops/functional.h"

using namespace gs;


namespace {
Tensor param(std::initializer_list<NestedValues> v) {
  return tensor(NestedValues(v), TensorOptions{.dtype = kFloat64, .requires_grad = true});
}
}  // namespace

class TestAutograd : public QObject {
  Q_OBJECT
 private slots:
  void simpleNeuron() {
    // z = sigmoid(w*x + b): dz/dw = σ'(u)·x, dz/db = σ'(u).
    Tensor w = param({0.5}), b = param({-0.3});
    Tensor x = tensor({2.0}, TensorOptions{.dtype = kFloat64});
    Tensor z = sigmoid(w * x + b);
    z.sum().backward();
    const double s = 1.0 / (1.0 + std::exp(-(0.5 * 2.0 - 0.3)));
    QVERIFY(std::abs(w.grad().item() - s * (1 - s) * 2.0) < 1e-12);
    QVERIFY(std::abs(b.grad().item() - s * (1 - s)) < 1e-12);
    QVERIFY(!x.grad().defined());  // no requires_grad: no .grad
  }

  void gradientsAccumulateUntilZeroed() {
    Tensor x = param({3.0});
    for (int i = 0; i < 3; ++i) (x * x).sum().backward();
    QCOMPARE(x.grad().item(), 18.0);  // 3 × 6: the mistake of forgetting zero_grad
    x.grad().zero_();
    (x * x).sum().backward();
    QCOMPARE(x.grad().item(), 6.0);
  }

  void backwardOnNonScalarExplainsTheFix() {
    Tensor x = param({1.0, 2.0, 3.0});
    Tensor y = x * 2.0;
    const std::string e = error_of([&] { y.backward(); });
    QVERIFY_CONTAINS(e, "grad can be implicitly created only for scalar outputs");
    QVERIFY_CONTAINS(e, ".sum().backward()");
    QVERIFY_CONTAINS(e, "[3]");
    y.backward(ones_like(y));  // the alternative fix
    QCOMPARE(x.grad().to_vector<double>(), (std::vector<double>{2, 2, 2}));
    QVERIFY_CONTAINS(error_of([&] { (x * 2.0).backward(ones({2}, {.dtype = kFloat64})); }), "Mismatch in shape");
  }

  void secondBackwardThroughFreedGraph() {
    Tensor x = param({1.5});
    Tensor y = (x * x).sum();
    y.backward();
    const std::string e = error_of([&] { y.backward(); });
    QVERIFY_CONTAINS(e, "Trying to backward through the graph a second time");
    QVERIFY_CONTAINS(e, "retain_graph");

    Tensor x2 = param({1.5});
    Tensor y2 = (x2 * x2).sum();
    y2.backward(Tensor(), /*retain_graph=*/true);
    y2.backward();
    QCOMPARE(x2.grad().item(), 6.0);
  }

  void graphWithoutRequiresGrad() {
    Tensor x = tensor({1.0, 2.0});
    Tensor y = (x * x).sum();
    QVERIFY(!y.requires_grad());
    QVERIFY_CONTAINS(error_of([&] { y.backward(); }), "element 0 of tensors does not require grad and does not have a grad_fn");
  }

  void noGradAndDetach() {
    Tensor w = param({2.0});
    {
      NoGradGuard no_grad;
      Tensor y = w * 3.0;
      QVERIFY(!y.requires_grad());
      QVERIFY(!y.grad_fn());
      w.sub_(tensor({0.5}, TensorOptions{.dtype = kFloat64}));  // the optimizer's update is allowed here
    }
    QVERIFY(is_grad_enabled());
    QCOMPARE(w.item(), 1.5);
    Tensor p = w * 3.0;
    Tensor d = p.detach();
    QVERIFY(!d.requires_grad());
    QVERIFY(d.is_leaf());
    QVERIFY(d.shares_storage_with(p));  // same memory, outside the graph
  }

  void inPlaceOnLeafIsRefused() {
    Tensor w = param({1.0, 2.0});
    const std::string e = error_of([&] { w.add_(ones({2}, {.dtype = kFloat64})); });
    QVERIFY_CONTAINS(e, "a leaf Variable that requires grad is being used in an in-place operation");
    QVERIFY_CONTAINS(e, "no_grad");
    QCOMPARE(w.to_vector<double>(), (std::vector<double>{1.0, 2.0}));  // nothing half-applied
  }

  void inPlaceAfterSaveIsDetected() {
    Tensor w = param({1.0, 2.0});
    Tensor a = w * 2.0;
    Tensor b = a * a;  // saves a
    a.mul_(10.0);      // changes the saved value: gradient would be wrong
    const std::string e = error_of([&] { b.sum().backward(); });
    QVERIFY_CONTAINS(e, "modified by an inplace operation");
  }

  void inPlaceOnNonLeafIsDifferentiable() {
    Tensor w = param({1.0, 2.0});
    Tensor a = w * 2.0;
    a.mul_(3.0);  // a = 6w
    a.sum().backward();
    QCOMPARE(w.grad().to_vector<double>(), (std::vector<double>{6.0, 6.0}));
  }

  void requiresGradRules() {
    QVERIFY_CONTAINS(error_of([] { tensor({1, 2}).requires_grad_(); }), "only Tensors of floating point");
    Tensor w = param({1.0});
    Tensor y = w * 2.0;
    QVERIFY_CONTAINS(error_of([&] { y.requires_grad_(false); }), "you can only change requires_grad flags of leaf variables");
    QVERIFY(w.is_leaf() && !y.is_leaf());
  }

  void retainGradKeepsNonLeafGradient() {
    Tensor w = param({2.0});
    Tensor h = w * 3.0;
    h.retain_grad();
    Tensor y = h * h;
    y.sum().backward();
    QCOMPARE(h.grad().item(), 12.0);
    QCOMPARE(w.grad().item(), 36.0);
    Tensor h2 = w * 3.0;
    (h2 * h2).sum().backward();
    QVERIFY(!h2.grad().defined());  // non-leaf without retain_grad: no .grad, as in PyTorch
  }

  void graphIsInspectable() {
    Tensor w = param({0.5}).set_name("w");
    Tensor x = tensor({2.0}, TensorOptions{.dtype = kFloat64}).set_name("x");
    Tensor b = param({0.1}).set_name("b");
    Tensor z = sigmoid(w * x + b);
    QCOMPARE(QString::fromStdString(z.grad_fn()->name()), QString("SigmoidBackward0"));
    const auto& add = z.grad_fn()->next_functions().at(0);
    QCOMPARE(QString::fromStdString(add->name()), QString("AddBackward0"));
    QCOMPARE(add->next_functions().size(), std::size_t(2));
    const auto& mul = add->next_functions()[0];
    QCOMPARE(QString::fromStdString(mul->name()), QString("MulBackward0"));
    QCOMPARE(QString::fromStdString(add->next_functions()[1]->name()), QString("AccumulateGrad"));
    QVERIFY(mul->next_functions()[1] == nullptr);  // x needs no gradient
    QCOMPARE(QString::fromStdString(z.grad_fn()->saved_tensors().at(0).name), QString("result"));
    // MulBackward0 saves x (to compute dw) but not w (x needs no gradient).
    QCOMPARE(mul->saved_tensors().at(1).tensor.item(), 2.0);
    QVERIFY(!mul->saved_tensors().at(0).tensor.defined());
    auto acc = std::dynamic_pointer_cast<AccumulateGrad>(mul->next_functions()[0]);
    QVERIFY(acc && acc->variable() == w.impl());
    QCOMPARE(graph_nodes(z).size(), std::size_t(5));  // Sigmoid, Add, Mul, Acc(b), Acc(w)
  }

  void backwardStepsOneNodeAtATime() {
    Tensor w = param({0.5}), b = param({0.1});
    Tensor x = tensor({2.0}, TensorOptions{.dtype = kFloat64});
    Tensor loss = sigmoid(w * x + b).sum();
    const double s1 = 1.0 / (1.0 + std::exp(-1.1));  // σ(w·x + b) with w·x + b = 1.1
    const double dsig = s1 * (1 - s1);
    BackwardPass pass(loss);
    std::vector<std::string> names;
    while (!pass.done()) {
      QVERIFY(pass.next() != nullptr);
      const BackwardStep s = pass.step();
      names.push_back(s.node->name());
      QVERIFY(s.grad_output.defined());
      QCOMPARE(s.grad_inputs.size(), s.node->next_functions().size());
      if (s.node->name() == "AddBackward0") {
        QVERIFY(!w.grad().defined());  // not reached yet: the lab shows the gradient flowing
        QVERIFY(std::abs(s.grad_output.item() - dsig) < 1e-12);
      }
    }
    QCOMPARE(names.front(), std::string("SumBackward0"));
    QCOMPARE(names.size(), std::size_t(6));
    QVERIFY(std::abs(w.grad().item() - 2 * dsig) < 1e-12);
    QVERIFY(pass.next() == nullptr);
  }

  void nodesSavedValuesAreFreedAfterBackward() {
    Tensor w = param({1.0});
    Tensor y = (w * w).sum();
    const auto mul = y.grad_fn()->next_functions()[0];
    QCOMPARE(mul->saved_tensors().size(), std::size_t(2));
    y.backward();
    QVERIFY(mul->released());
    QVERIFY(mul->saved_tensors().empty());
  }

  void expressionsBuildTheRealGraph() {
    const std::string program = "h = tanh(w1*x + b1)\ny = sigmoid(w2*h + b2)\nloss = (y - t)**2";
    QCOMPARE(expr::free_variables(program), (std::vector<std::string>{"w1", "x", "b1", "w2", "b2", "t"}));
    std::map<std::string, Tensor> leaves;
    for (const char* n : {"w1", "b1", "w2", "b2"}) leaves[n] = param({0.3});
    leaves["x"] = tensor({1.5}, TensorOptions{.dtype = kFloat64});
    leaves["t"] = tensor({1.0}, TensorOptions{.dtype = kFloat64});
    const expr::Evaluation ev = expr::evaluate(program, leaves);
    QCOMPARE(ev.output_name, std::string("loss"));
    QCOMPARE(ev.variables.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(ev.output.grad_fn()->name()), QString("PowBackward0"));
    QCOMPARE(ev.node_labels.at(ev.output.grad_fn().get()), std::string("loss"));
    // Same numbers as writing the ops directly.
    const Tensor h = tanh(leaves["w1"] * leaves["x"] + leaves["b1"]);
    const Tensor y = sigmoid(leaves["w2"] * h + leaves["b2"]);
    QVERIFY(std::abs(ev.output.item() - ((y - leaves["t"]) * (y - leaves["t"])).item()) < 1e-15);
    QVERIFY(ev.node_values.count(ev.output.grad_fn().get()));
    QCOMPARE(expr::evaluate("y = (x**2).sum()\nz = -y / 2 + 1e-3", {{"x", param({1.0, 2.0})}}).output.item(), -2.5 + 1e-3);
  }

  void expressionErrorsNameLineAndColumn() {
    QVERIFY_CONTAINS(error_of([] { expr::free_variables("y = (x + 1"); }), "line 1, column 11: expected ')'");
    QVERIFY_CONTAINS(error_of([] { expr::free_variables("y = x\nz = y $ 2"); }), "line 2, column 7: unexpected character '$'");
    QVERIFY_CONTAINS(error_of([] { expr::free_variables("x + 1"); }), "each line must assign a name");
    QVERIFY_CONTAINS(error_of([] { expr::free_variables("y = tanhh(x)"); }), "unknown function 'tanhh'. Did you mean 'tanh'?");
    QVERIFY_CONTAINS(error_of([] { expr::free_variables(""); }), "the program is empty");
    QVERIFY_CONTAINS(error_of([] { expr::evaluate("y = x * 2", {}); }), "'x' has no value");
  }

  void zeroGradAndSetToNone() {
    Tensor w = param({1.0});
    (w * 2.0).sum().backward();
    w.set_grad(Tensor());
    QVERIFY(!w.grad().defined());
  }
};

QTEST_APPLESS_MAIN(TestAutograd)
#include "tst_autograd.moc"
