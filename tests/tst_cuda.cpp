// The CUDA backend against the CPU backend: every op of tests/golden/ops.json, forward and
// backward, on the same inputs on both devices (float64: atol 1e-10, rtol 1e-8; float32: atol 2e-5,
// rtol 2e-4, the golden suite's tolerances). Without a GPU these tests skip, saying why, and the
// "no GPU" behaviour and the backend registry are checked instead.
#include <QtTest>

#include "backend/backend.h"
#include "golden.h"
#include "ops/functional.h"
#include "op_table.h"

using namespace gs;
using gs::testing::tolerance_ratio;

namespace {
std::string cuda_reason() {
  std::string why;
  device_available(Device::CUDA, &why);
  return why;
}
std::vector<double> host(const Tensor& t) { return t.to(Device::CPU).to_vector<double>(); }
}  // namespace

#define REQUIRE_GPU()                                                                         \
  do {                                                                                        \
    if (!device_available(Device::CUDA))                                                      \
      QSKIP(("CUDA is not available here: " + cuda_reason()).c_str());                        \
  } while (0)

class TestCuda : public QObject {
  Q_OBJECT
  nlohmann::json cases_;

 private slots:
  void initTestCase() { cases_ = gs::testing::load_json(gs::testing::golden_path("ops.json"))["cases"]; }

  void withoutGpuTheMessageSaysWhy() {
    if (device_available(Device::CUDA)) QSKIP("a GPU is present: the no-GPU message cannot be shown here");
    QVERIFY(!cuda_reason().empty());
    Tensor x = ones({2, 2});
    try {
      x.to(Device::CUDA);
      QFAIL("moving to CUDA without a GPU must throw");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("CUDA is not available") != std::string::npos, e.what());
    }
  }

  void registryTakesOneCudaBackendAndNeverTheCpu() {
    const BackendFactory never_called = []() -> Backend& { throw Error("the factory must not run"); };
    try {
      register_backend(Device::CPU, never_called);
      QFAIL("the CPU backend is built in: registering another must throw");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("built into core") != std::string::npos, e.what());
    }
    const std::string why = cuda_reason();
    if (why.find("was built without the CUDA backend") != std::string::npos)
      QSKIP("no CUDA backend in this build (gpu/ not linked): none to register twice");
    try {
      register_backend(Device::CUDA, never_called);
      QFAIL("gpu/ registered the CUDA backend at start-up: a second one must throw");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("already has a backend") != std::string::npos, e.what());
    }
    QCOMPARE(cuda_reason(), why);  // the registered backend still answers
  }

  void roundTripKeepsValues() {
    REQUIRE_GPU();
    Tensor x = randn({3, 5}, {.dtype = kFloat64});
    Tensor y = x.to(Device::CUDA);
    QVERIFY(y.device() == Device::CUDA);
    QCOMPARE(host(y), x.to_vector<double>());
    QCOMPARE(host(y.t()), x.t().contiguous().to_vector<double>());  // strided copy back
  }

  void mixedDevicesAreRefused() {
    REQUIRE_GPU();
    Tensor a = ones({2}), b = ones({2}).to(Device::CUDA);
    try {
      Tensor c = a + b;
      QFAIL("cpu + cuda must throw");
    } catch (const Error& e) {
      QVERIFY2(std::string(e.what()).find("same device") != std::string::npos, e.what());
    }
  }

  void opsMatchCpu_data() { gs::testing::add_case_rows(cases_); }
  void opsMatchCpu() {
    REQUIRE_GPU();
    QFETCH(int, index);
    QFETCH(int, dtype);
    const auto& c = cases_[index];
    const Dtype dt = static_cast<Dtype>(dtype);
    const auto [atol, rtol] = gs::testing::golden_tolerance(dt);
    const auto fn = gs::testing::op_table().at(c["op"]);
    std::vector<Tensor> cpu_in = gs::testing::case_inputs(c, dt);
    std::vector<Tensor> gpu_in;
    for (const Tensor& t : cpu_in) {
      Tensor g = t.detach().to(Device::CUDA);
      if (t.requires_grad()) g.requires_grad_(true);
      gpu_in.push_back(g);
    }
    Tensor cpu_out = fn(cpu_in);
    Tensor gpu_out = fn(gpu_in);
    QVERIFY(gpu_out.device() == Device::CUDA);
    QCOMPARE(gpu_out.shape(), cpu_out.shape());
    const double fwd = tolerance_ratio(host(gpu_out), cpu_out.to_vector<double>(), atol, rtol);
    QVERIFY2(fwd <= 1.0, ("forward off by " + std::to_string(fwd) + "× the tolerance").c_str());
    if (!cpu_out.requires_grad()) return;
    Tensor up = from_vector(c["upstream"].get<std::vector<double>>(), cpu_out.shape(), {.dtype = dt});
    cpu_out.backward(up);
    gpu_out.backward(up.to(Device::CUDA));
    for (std::size_t i = 0; i < cpu_in.size(); ++i) {
      if (!cpu_in[i].grad().defined()) continue;
      QVERIFY2(gpu_in[i].grad().defined(), ("input " + std::to_string(i) + " has no grad on CUDA").c_str());
      QVERIFY(gpu_in[i].grad().device() == Device::CUDA);
      const double r = tolerance_ratio(host(gpu_in[i].grad()), cpu_in[i].grad().to_vector<double>(), atol, rtol);
      QVERIFY2(r <= 1.0, ("grad of input " + std::to_string(i) + " off by " + std::to_string(r) + "× the tolerance").c_str());
    }
  }

  void bigMatmulMatchesCpu() {
    REQUIRE_GPU();
    Tensor a = randn({257, 129}), b = randn({129, 65});
    const double r = tolerance_ratio(host(matmul(a.to(Device::CUDA), b.to(Device::CUDA))), matmul(a, b).to_vector<double>(),
                                     1e-4, 1e-4);
    QVERIFY2(r <= 1.0, std::to_string(r).c_str());
    Tensor s = randn({100000}, {.dtype = kFloat64});
    QVERIFY(std::abs(sum(s.to(Device::CUDA)).item() - sum(s).item()) < 1e-9);
    // Few outputs over a long dim (one block per output): sums, and max with its index.
    Tensor tall = randn({5000, 3}, {.dtype = kFloat64});
    QVERIFY(tolerance_ratio(host(sum(tall.to(Device::CUDA), {0})), sum(tall, {0}).to_vector<double>(), 1e-10, 1e-10) <= 1);
    auto [gv, gi] = max(tall.to(Device::CUDA), 0);
    auto [cv, ci] = max(tall, 0);
    QCOMPARE(host(gv), cv.to_vector<double>());
    QCOMPARE(host(gi), ci.to_vector<double>());
  }
};

QTEST_APPLESS_MAIN(TestCuda)
#include "tst_cuda.moc"
