#include "app/engine_message.h"

#include <QCoreApplication>
#include <string_view>
#include <vector>

#include "app/language.h"
#include "util/error_codes.h"

namespace gsui {
namespace {

constexpr const char* kContext = "gsui::EngineMessage";

struct Entry {
  const char* code;
  const char* english;
};

/// The sentences for lupdate, one per code of core's table (tst_engine_messages checks that they
/// are the same texts). At run time the sentence is looked up with core's own template.
const Entry kSentences[] = {
    {"backward_freed_graph", QT_TRANSLATE_NOOP("gsui::EngineMessage", "This graph was already used by a backward() call and its saved values were freed, so %1 cannot run again. Recompute the forward pass, or call backward(retain_graph=true) the first time if you really need two backward passes through the same graph.")},
    {"saved_tensor_modified", QT_TRANSLATE_NOOP("gsui::EngineMessage", "A tensor that %1 saved for backward (%2, shape %3) was changed by an in-place operation after it was used, so its gradient would be wrong. Use the out-of-place version (x = x + 1 instead of x += 1 / x.add_(1)) or clone() before changing it.")},
    {"backward_nothing_requires_grad", QT_TRANSLATE_NOOP("gsui::EngineMessage", "backward() found nothing to differentiate: this tensor was not computed from any tensor with requires_grad=True (or it was computed under no_grad). Create the parameters with requires_grad=True, e.g. w = torch.tensor([...], requires_grad=True).")},
    {"backward_non_scalar", QT_TRANSLATE_NOOP("gsui::EngineMessage", "backward() can only start from a single number (a scalar), but this output has shape %1 (%2 values). Reduce it to one number first, e.g. y.sum().backward() or y.mean().backward(), or pass a gradient of the same shape: y.backward(torch.ones_like(y)).")},
    {"backward_gradient_shape", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the gradient passed to backward() has shape %1 but the output has shape %2; they must match.")},
    {"requires_grad_non_leaf", QT_TRANSLATE_NOOP("gsui::EngineMessage", "requires_grad can only be changed on leaf tensors (ones you created, not results of operations). To stop gradients at this tensor, use .detach().")},
    {"requires_grad_integer", QT_TRANSLATE_NOOP("gsui::EngineMessage", "only floating-point tensors can require gradients, but this one is %1: create it with dtype float32/float64 (e.g. torch.tensor([1.0, 2.0])).")},
    {"inplace_leaf_requires_grad", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 would change a leaf tensor that requires grad in place, which would corrupt the graph that records how it was used. Update parameters inside `with torch.no_grad():` (gs::NoGradGuard), or use an out-of-place op.")},
    {"inplace_view_requires_grad", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 on a view of a tensor that requires grad is not supported: clone() the view first, or do it under no_grad.")},
    {"inplace_overlap", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 would write to a tensor in which several elements share one memory cell (it was made by expand or broadcasting: dim %2 has stride 0). clone() it first.")},
    {"expr_unexpected_character", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: unexpected character '%3'")},
    {"expr_unknown_function", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: unknown function '%3'. Known: sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean, softmax.")},
    {"expr_unknown_function_hint", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: unknown function '%3'. Did you mean '%4'? Known: sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean, softmax.")},
    {"expr_empty", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: the program is empty: write at least one line like  y = x * 2")},
    {"expr_expected", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: expected '%3' but found %4")},
    {"expr_needs_assignment", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: each line must assign a name, like  z = sigmoid(w*x + b)")},
    {"expr_function_as_variable", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: '%3' is a function name; choose another variable name")},
    {"expr_trailing", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: unexpected %3 after the expression")},
    {"expr_method_name", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: expected a method name after '.'")},
    {"expr_not_a_number", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: '%3' is not a number")},
    {"expr_uncalled_function", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: '%3' is a function: call it, e.g. %3(x)")},
    {"expr_expected_operand", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: expected a number, a name or '(' but found %3")},
    {"expr_no_value", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1, column %2: '%3' has no value: give the leaf a value")},
    {"expr_token_end", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the end of the program")},
    {"expr_token_newline", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the end of the line")},
    {"dim_out_of_range", QT_TRANSLATE_NOOP("gsui::EngineMessage", "dim %1 does not exist for a tensor with %2 dimension(s); valid dims are %3.")},
    {"broadcast_mismatch", QT_TRANSLATE_NOOP("gsui::EngineMessage", "shapes %1 and %2 cannot be broadcast: aligned from the right, dimension %3 has sizes %4 and %5, and neither is 1.")},
    {"different_devices", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the operands live on different devices (%2 and %3). Move one with .to(...) so both are on the same device.")},
    {"item_not_one_element", QT_TRANSLATE_NOOP("gsui::EngineMessage", "item() needs a tensor with exactly one element, but this one has shape %1 (%2 elements). Reduce it first (sum, mean) or index one element.")},
    {"view_not_contiguous", QT_TRANSLATE_NOOP("gsui::EngineMessage", "view() cannot give shape %1 to this tensor without copying: its memory layout (strides %2, e.g. after transpose/permute) is not contiguous. Use .reshape(...) (which copies when it must) or call .contiguous() first.")},
    {"shape_one_inferred", QT_TRANSLATE_NOOP("gsui::EngineMessage", "only one dimension can be -1 (inferred) in %1")},
    {"shape_invalid_size", QT_TRANSLATE_NOOP("gsui::EngineMessage", "shape %1 cannot hold the %2 elements of this tensor: the sizes must multiply to %2.")},
    {"cat_sizes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "cat: tensor %1 has shape %2 but tensor 0 has %3; all sizes must match except in dimension %4.")},
    {"stack_sizes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "stack needs tensors of equal shape, but tensor 0 is %1 and tensor %2 is %3.")},
    {"mm_shapes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "matrix product %1 @ %2 is undefined: the first matrix's columns (%3) must equal the second's rows (%4). Check the order of the operands, or transpose one (.t()).")},
    {"bmm_shapes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "bmm: shapes %1 and %2 do not fit: both need the same batch size B, and [B, n, m] @ [B, m, p] needs equal m.")},
    {"dot_lengths", QT_TRANSLATE_NOOP("gsui::EngineMessage", "dot product of vectors of different lengths (%1 and %2)")},
    {"matmul_shapes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "matmul: the last dim of the first operand (%1) must equal the second-to-last dim of the second (%2): shapes %3 and %4.")},
    {"linear_input_features", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Linear(in_features=%1, out_features=%2) got an input whose last dimension is %3 (shape %4); in_features must equal the number of input features.")},
    {"eval_item_not_one_element", QT_TRANSLATE_NOOP("gsui::EngineMessage", "item() turns a one-element tensor into a Python number, but this tensor has %1 elements (shape %2).")},
    {"eval_name_not_defined", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 is not defined: assign it first (%1 = ...).")},
    {"loss_shape_mismatch", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: input has shape %2 but target has shape %3. They must match element for element; broadcasting them would compare every prediction with every target. Reshape one, e.g. target.view(-1, 1) or input.squeeze(1).")},
    {"loss_reduction", QT_TRANSLATE_NOOP("gsui::EngineMessage", "reduction must be \"mean\", \"sum\" or \"none\", got \"%1\"")},
    {"bce_needs_probabilities", QT_TRANSLATE_NOOP("gsui::EngineMessage", "BCELoss takes probabilities in [0, 1], but input element %1 is %2. If the model outputs logits (no Sigmoid at the end), use BCEWithLogitsLoss instead; otherwise add a Sigmoid.")},
    {"nll_target_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "NLLLoss/CrossEntropyLoss take class indices as the target: an int64 tensor of shape [N] with values 0…C−1, but this target is %1. Convert it with target.long() (or give class probabilities of shape [N, C] to CrossEntropyLoss).")},
    {"nll_target_shape", QT_TRANSLATE_NOOP("gsui::EngineMessage", "NLLLoss: target must have shape [%1] (one class index per sample), got %2.")},
    {"nll_input_shape", QT_TRANSLATE_NOOP("gsui::EngineMessage", "NLLLoss expects input [N, C] (log-probabilities of C classes), got %1")},
    {"ce_input_shape", QT_TRANSLATE_NOOP("gsui::EngineMessage", "CrossEntropyLoss expects input [N, C] (one logit per class), got %1.")},
    {"ce_input_vector", QT_TRANSLATE_NOOP("gsui::EngineMessage", "CrossEntropyLoss expects input [N, C] (one logit per class), got %1: add the batch dimension with unsqueeze(0).")},
    {"huber_delta", QT_TRANSLATE_NOOP("gsui::EngineMessage", "HuberLoss: delta must be positive, got %1")},
    {"linear_needs_flat", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Linear expects [N, features] but gets %1: add a Flatten after the last pooling layer to turn each sample into one vector of %2 features.")},
    {"linear_needs_flat_input", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Linear expects [N, features] but gets %1: add a Flatten before it to turn each sample into one vector of %2 features.")},
    {"linear_in_features", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Linear(in_features=%1) gets %2 features from the layer before: set in_features to %2 (or leave it out to infer it).")},
    {"conv_needs_images_flat", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 expects images [N, C, H, W] but gets %2: the data is already flat here. Put %1 before Flatten, or give the model an image input_shape [C, H, W].")},
    {"conv_needs_images", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 expects images [N, C, H, W] but gets %2: give it an input of shape [C, H, W] per sample.")},
    {"conv_in_channels", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Conv2d(in_channels=%1) gets %2 channels from the layer before: set in_channels to %2 (or leave it out to infer it).")},
    {"pool_padding_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: padding %2 is more than half of kernel_size %3; use padding <= kernel_size / 2.")},
    {"window_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the %2 window does not fit in the %3 feature map (padding %4). Output size = (H + 2·padding − kernel_size) / stride + 1 would be %5: use a smaller kernel, add padding, or remove a pooling layer before it.")},
    {"residual_needs_images", QT_TRANSLATE_NOOP("gsui::EngineMessage", "ResidualBlock expects images [N, C, H, W] but gets %1: put it before Flatten.")},
    {"residual_channels", QT_TRANSLATE_NOOP("gsui::EngineMessage", "ResidualBlock(channels=%1) gets %2 channels: the shortcut adds the input to the output, so both need the same channels.")},
    {"residual_kernel_odd", QT_TRANSLATE_NOOP("gsui::EngineMessage", "ResidualBlock: kernel_size must be odd so the output keeps the input's size, got %1.")},
    {"flatten_dims", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Flatten(start_dim=%1, end_dim=%2) does not fit an input %3.")},
    {"flatten_batch", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Flatten(start_dim=0) would merge the batch dimension into the features; use start_dim=1 (the default).")},
    {"dropout_p", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1.p: dropout probability has to be between 0 and 1, got %2")},
    {"residual_mlp_needs_flat", QT_TRANSLATE_NOOP("gsui::EngineMessage", "ResidualMLPBlock expects [N, features] but gets %1: put a Flatten before it.")},
    {"residual_mlp_features", QT_TRANSLATE_NOOP("gsui::EngineMessage", "ResidualMLPBlock(features=%1) gets %2 features: the shortcut adds the input to the output, so both need the same size.")},
    {"batchnorm2d_needs_images", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 expects [N, C, H, W] but gets %2: use BatchNorm1d after Flatten/Linear.")},
    {"batchnorm1d_needs_flat", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 expects [N, C] or [N, C, L] but gets %2: use BatchNorm2d after Conv2d (before Flatten).")},
    {"batchnorm2d_num_features", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1(num_features=%2) gets %3 channels: set num_features to %3.")},
    {"batchnorm1d_num_features", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1(num_features=%2) gets %3 features: set num_features to %3.")},
    {"softmax_dim_range", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1(dim=%2) is out of range for an input %3.")},
    {"softmax_dim_batch", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1(dim=0) normalises across the batch, mixing different samples; use dim=1 (the classes).")},
    {"layer_output_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "its output %1 holds more than 1,000,000,000 numbers per sample; make the layer smaller")},
    {"model_too_many_parameters", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the model would have more than 1,000,000,000 parameters here; make the layer smaller")},
    {"spec_must_be_positive", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: must be positive, got %2")},
    {"spec_must_be_positive_integer", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: must be a positive integer, got %2")},
    {"conv_same_padding_stride", QT_TRANSLATE_NOOP("gsui::EngineMessage", "padding='same' keeps the output as large as the input, which only a stride of 1 can do: use stride=1, or give padding as numbers.")},
    {"diverged_lr_not_finite", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the loss became %1 at step %2 (epoch %3): the learning rate itself is %4 (the scheduler made it so: check its arguments).")},
    {"diverged_eps_zero", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the loss became %1 at step %2 (epoch %3): eps is 0, so a coordinate whose gradient has been 0 divides 0 by 0 (nan) in the optimizer's update. Use eps = 1e-8.")},
    {"diverged_lr_zero", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the loss became %1 at step %2 (epoch %3): the learning rate is 0, so no update caused this: the inputs or the model produce it (are the inputs finite?).")},
    {"diverged_updates_grew", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the loss became %1 at step %2 (epoch %3): the updates grew instead of shrinking. Lower the learning rate (now %4), or standardize the inputs.")},
    {"early_stopping", QT_TRANSLATE_NOOP("gsui::EngineMessage", "early stopping at epoch %1: %2 has not improved for %3 epochs; the best was epoch %4")},
    {"early_stopping_restored", QT_TRANSLATE_NOOP("gsui::EngineMessage", "early stopping at epoch %1: %2 has not improved for %3 epochs; the best was epoch %4, whose weights are restored")},
    {"device_not_built", QT_TRANSLATE_NOOP("gsui::EngineMessage", "this GradScope was built without the %1 backend (configure it with the CUDA toolkit installed and -DGRADSCOPE_CUDA=ON)")},
    {"cuda_no_driver", QT_TRANSLATE_NOOP("gsui::EngineMessage", "no usable NVIDIA driver or GPU (%1)")},
    {"cuda_no_gpu", QT_TRANSLATE_NOOP("gsui::EngineMessage", "no NVIDIA GPU was found")},
    {"word_cuda_insufficient_driver", QT_TRANSLATE_NOOP("gsui::EngineMessage", "CUDA driver version is insufficient for CUDA runtime version")},
    {"word_cuda_no_device", QT_TRANSLATE_NOOP("gsui::EngineMessage", "no CUDA-capable device is detected")},
    {"word_cuda_stub_library", QT_TRANSLATE_NOOP("gsui::EngineMessage", "CUDA driver is a stub library")},
    {"word_cuda_initialization_error", QT_TRANSLATE_NOOP("gsui::EngineMessage", "initialization error")},
    {"word_cuda_driver_mismatch", QT_TRANSLATE_NOOP("gsui::EngineMessage", "system has unsupported display driver / cuda driver combination")},
    {"word_cuda_devices_unavailable", QT_TRANSLATE_NOOP("gsui::EngineMessage", "CUDA-capable device(s) is/are busy or unavailable")},
    {"word_cuda_compat_not_supported", QT_TRANSLATE_NOOP("gsui::EngineMessage", "forward compatibility was attempted on non supported HW")},
    {"cuda_arch_unsupported", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 (compute capability %2) cannot run this GradScope's CUDA kernels, which were built for the architectures %3 (CMAKE_CUDA_ARCHITECTURES)")},
    {"cuda_arch_unsupported_unnamed", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the GPU cannot run this GradScope's CUDA kernels, which were built for the architectures %1 (CMAKE_CUDA_ARCHITECTURES)")},
    {"cuda_kernels_unloadable", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 (compute capability %2) cannot load this GradScope's CUDA kernels (%3)")},
    {"cuda_kernels_unloadable_unnamed", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the GPU cannot load this GradScope's CUDA kernels (%1)")},
    {"fashion_mnist_missing", QT_TRANSLATE_NOOP("gsui::EngineMessage", "fashion_mnist: not found in %1 (install Debian's dataset-fashion-mnist, or set GRADSCOPE_FASHION_MNIST_DIR)")},
    {"shipped_file_missing", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: this file comes with GradScope but is missing (reinstall GradScope)")},
    {"shipped_file_invalid", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: this file comes with GradScope but cannot be read (%2); reinstall GradScope")},
    {"image_folder_missing", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: no such folder")},
    {"image_folder_no_classes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: no subfolder holds a PNG or JPEG image; the layout is one subfolder per class (%1/cat/1.png, %1/dog/2.jpg)")},
    {"image_folder_one_class", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: only one class folder holds images (%2); a classifier needs at least two")},
    {"image_folder_too_many_classes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: %2 class folders; at most %3 are read")},
    {"image_folder_too_many_images", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: %2 images; at most %3 of this size are read (take a sample, or a smaller size)")},
    {"image_folder_unreadable", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: cannot be read")},
    {"image_folder_file_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: %2 MiB; an image file of more than %3 MiB is refused")},
    {"image_folder_image_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: %2×%3 pixels; at most %4 pixels a side are read")},
    {"image_folder_not_an_image", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: neither a PNG nor a JPEG file")},
    {"image_folder_no_pixels", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the file holds no pixels (a header without an image)")},
    {"image_folder_bad_png", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a readable PNG (%2)")},
    {"image_folder_bad_jpeg", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a readable JPEG (%2)")},
    {"csv_no_file", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: no such file")},
    {"csv_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: holds more than %2 MiB; a data file this large is refused (is it the wrong file?)")},
    {"csv_unknown_column", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: no column named \"%2\" (the columns are: %3)")},
    {"csv_too_many_rows", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1:%2: more than %3 rows; a table this long is refused (take a sample of it)")},
    {"csv_empty", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the file is empty (no line with a value)")},
    {"csv_ragged", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1:%2: %3 fields where %5 %4 (every row needs one value per column)")},
    {"word_csv_header_names", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the header names")},
    {"word_csv_first_line_has", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the first line has")},
    {"csv_column_twice", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the column \"%2\" is chosen twice; choose different columns")},
    {"csv_too_few_rows", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: %2 data rows; at least %3 are needed to train and test on")},
    {"csv_not_a_number", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1:%2: column \"%3\": \"%4\" is not a number")},
    {"csv_not_finite", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1:%2: column \"%3\": \"%4\" is not a finite number (nan and inf cannot be learned from)")},
    {"csv_constant_target", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: every value of \"%2\" is %3; a target that never changes leaves nothing to learn")},
    {"csv_single_class", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: every label in \"%2\" is \"%3\"; a classifier needs at least two classes")},
    {"csv_too_many_classes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: \"%2\" has %3 classes (%5); at most %4 can be learned here")},
    {"safetensors_too_short", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: it has %2 bytes, fewer than the 8 of the header length")},
    {"safetensors_header_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: the header claims %2 bytes (more than 100 MB)")},
    {"safetensors_header_cut", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: the header claims %2 bytes but only %3 follow")},
    {"safetensors_header_not_json", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: the header is not valid JSON (%2)")},
    {"safetensors_header_not_object", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: the header is not a JSON object")},
    {"safetensors_metadata_not_object", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: __metadata__ is not an object of strings")},
    {"safetensors_metadata_not_string", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: __metadata__[\"%2\"] is not a string")},
    {"safetensors_tensor_fields", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\" needs \"dtype\", \"shape\" and \"data_offsets\"")},
    {"safetensors_dtype_not_string", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\": dtype is not a string")},
    {"safetensors_dtype_unsupported", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\" has dtype %3; GradScope reads F32, F64 and I64")},
    {"safetensors_shape_not_list", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\": shape is not a list of at most 16 sizes")},
    {"safetensors_shape_not_sizes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\": shape %3 holds something other than sizes")},
    {"safetensors_offsets_not_pair", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\": data_offsets is not [begin, end]")},
    {"safetensors_offsets_outside", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\": data_offsets [%3, %4] lie outside the %5 bytes of data")},
    {"safetensors_size_mismatch", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\": shape %3 of %4 needs %5 bytes but data_offsets give %6")},
    {"safetensors_overlap", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: tensor \"%2\" overlaps the one before it in the data")},
    {"safetensors_hole", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: bytes %2 to %3 of the data belong to no tensor")},
    {"safetensors_trailing", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: not a safetensors file we can read: the last %2 bytes of the data belong to no tensor")},
    {"safetensors_cannot_write", QT_TRANSLATE_NOOP("gsui::EngineMessage", "cannot write \"%1\"")},
    {"safetensors_write_failed", QT_TRANSLATE_NOOP("gsui::EngineMessage", "cannot write \"%1\" (disk full?)")},
    {"safetensors_no_file", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: no such file, or it cannot be read")},
    {"safetensors_data_unreadable", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the data of tensor \"%2\" could not be read")},
    {"state_dict_names_differ", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the weights do not belong to this network (the names differ: is it the same architecture?)")},
    {"state_dict_shape", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the weights' \"%1\" has shape %2 but this network's has %3")},
    {"state_dict_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the weights' \"%1\" is %2 but this network's is %3: integers and floating-point numbers do not convert into each other here")},
    {"weights_names_differ", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the weights do not belong to this network (the names differ: is it the same architecture?)")},
    {"weights_shape", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the weights' \"%2\" has shape %3 but this network's has %4")},
    {"weights_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1: the weights' \"%2\" is %3 but this network's is %4: integers and floating-point numbers do not convert into each other here")},
    {"eval_not_supported", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_not_supported_hint", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. %2")},
    {"eval_string_prefix", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the string prefix %1\"...\" is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Use a plain string.")},
    {"eval_number_literal", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the number literal %1... is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Write numbers in decimal.")},
    {"eval_integer_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the integer %1 (larger than 64 bits) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_comparison", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the comparison %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Comparisons make bool tensors, which this lab does not have.")},
    {"eval_bitwise", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the bitwise operator %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_operator", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the operator %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_attribute_assignment", QT_TRANSLATE_NOOP("gsui::EngineMessage", "assigning to an attribute (x.%1 = ...) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_import_as", QT_TRANSLATE_NOOP("gsui::EngineMessage", "import %1 as %2 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Write import torch.")},
    {"eval_import_other", QT_TRANSLATE_NOOP("gsui::EngineMessage", "import %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Only import torch is known here.")},
    {"word_eval_complex_numbers", QT_TRANSLATE_NOOP("gsui::EngineMessage", "complex numbers")},
    {"word_eval_x_escapes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "\\x escapes above \\x7f in strings")},
    {"word_eval_nested_too_deep", QT_TRANSLATE_NOOP("gsui::EngineMessage", "expressions nested more than 100 levels deep")},
    {"word_eval_chained_assignment", QT_TRANSLATE_NOOP("gsui::EngineMessage", "chained assignment (a = b = ...)")},
    {"word_eval_hint_one_name", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Assign one name per statement.")},
    {"word_eval_blocks", QT_TRANSLATE_NOOP("gsui::EngineMessage", "annotations and blocks ending in ':'")},
    {"word_eval_too_many_operations", QT_TRANSLATE_NOOP("gsui::EngineMessage", "statements of more than 1000 operations")},
    {"word_eval_hint_split", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Split it into several statements.")},
    {"word_eval_conditional_expressions", QT_TRANSLATE_NOOP("gsui::EngineMessage", "conditional expressions (a if c else b)")},
    {"word_eval_comprehensions", QT_TRANSLATE_NOOP("gsui::EngineMessage", "comprehensions ([... for ... in ...])")},
    {"word_eval_unpacking_arguments", QT_TRANSLATE_NOOP("gsui::EngineMessage", "unpacking arguments with * or **")},
    {"word_eval_dicts_and_sets", QT_TRANSLATE_NOOP("gsui::EngineMessage", "dicts and sets ({...})")},
    {"word_eval_starred", QT_TRANSLATE_NOOP("gsui::EngineMessage", "starred expressions (*rest)")},
    {"word_eval_walrus", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the walrus operator :=")},
    {"word_eval_arrow_annotations", QT_TRANSLATE_NOOP("gsui::EngineMessage", "annotations (->)")},
    {"word_eval_for_loops", QT_TRANSLATE_NOOP("gsui::EngineMessage", "for loops")},
    {"word_eval_while_loops", QT_TRANSLATE_NOOP("gsui::EngineMessage", "while loops")},
    {"word_eval_if_statements", QT_TRANSLATE_NOOP("gsui::EngineMessage", "if statements")},
    {"word_eval_defining_functions", QT_TRANSLATE_NOOP("gsui::EngineMessage", "defining functions (def)")},
    {"word_eval_classes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "classes")},
    {"word_eval_with_blocks", QT_TRANSLATE_NOOP("gsui::EngineMessage", "with blocks")},
    {"word_eval_boolean_and", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the boolean operator and")},
    {"word_eval_boolean_or", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the boolean operator or")},
    {"word_eval_boolean_not", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the boolean operator not")},
    {"word_eval_operator_in", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the operator in")},
    {"word_eval_operator_is", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the operator is")},
    {"eval_invalid_number", QT_TRANSLATE_NOOP("gsui::EngineMessage", "invalid number literal \"%1\"")},
    {"eval_number_underscore", QT_TRANSLATE_NOOP("gsui::EngineMessage", "invalid number literal \"%1\": an underscore goes between two digits")},
    {"eval_leading_zeros", QT_TRANSLATE_NOOP("gsui::EngineMessage", "leading zeros in decimal integer literals are not permitted (\"%1\"); write %2")},
    {"eval_string_never_closed", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a string starting at column %1 is never closed")},
    {"eval_augmented_one_target", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an augmented assignment needs one target")},
    {"eval_cannot_assign", QT_TRANSLATE_NOOP("gsui::EngineMessage", "cannot assign to this expression; the left of '=' must be a name or an indexed name")},
    {"eval_positional_after_keyword", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a positional argument follows a keyword argument")},
    {"eval_empty_index", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an empty index x[] is not valid Python")},
    {"eval_cannot_be_used_here", QT_TRANSLATE_NOOP("gsui::EngineMessage", "\"%1\" cannot be used here")},
    {"eval_expected", QT_TRANSLATE_NOOP("gsui::EngineMessage", "expected %1 at column %2, found %3")},
    {"word_eval_end_of_statement", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the end of the statement")},
    {"word_eval_module_name", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a module name")},
    {"word_eval_name_after_as", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a name after 'as'")},
    {"word_eval_an_operator", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an operator")},
    {"word_eval_attribute_name", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an attribute name after '.'")},
    {"word_eval_argument_list", QT_TRANSLATE_NOOP("gsui::EngineMessage", "',' or ')' in the argument list")},
    {"word_eval_index_list", QT_TRANSLATE_NOOP("gsui::EngineMessage", "',' or ']' in the index")},
    {"word_eval_an_expression", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an expression")},
    {"eval_line_string_never_closed", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1: a string is never closed")},
    {"eval_line_semicolon", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1: ';' with no statement before it")},
    {"eval_line_indent", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1: unexpected indent: a statement starts at the beginning of its line")},
    {"eval_line_bracket_not_open", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1: '%2' does not close any bracket")},
    {"eval_line_bracket_never_closed", QT_TRANSLATE_NOOP("gsui::EngineMessage", "line %1: '%2' is never closed")},
    {"eval_elementwise_of_two_tensors", QT_TRANSLATE_NOOP("gsui::EngineMessage", "x.%1(other) (the elementwise %1 of two tensors) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Use torch.where or clamp.")},
    {"eval_builtin_of_type", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() of a %2 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_builtin", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the built-in %1() is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_integer_beyond_2_53", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the integer %1 in %2 (beyond 2^53) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Values this large lose digits on the way into a tensor here.")},
    {"eval_too_many_dimensions", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 with %2 dimensions (more than 16) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. The lab draws up to 4.")},
    {"eval_item_assignment", QT_TRANSLATE_NOOP("gsui::EngineMessage", "item assignment on a %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_slicing", QT_TRANSLATE_NOOP("gsui::EngineMessage", "slicing a %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Index one element, e.g. x.shape[0].")},
    {"eval_integers_beyond_64_bits", QT_TRANSLATE_NOOP("gsui::EngineMessage", "integers beyond 64 bits (%1) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"eval_operator_on_tensors", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the operator %1 on tensors is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.")},
    {"word_eval_hint_use_to_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Use .to(dtype) to convert.")},
    {"word_eval_hint_float_double_long", QT_TRANSLATE_NOOP("gsui::EngineMessage", "The engine has float(), double() and long().")},
    {"word_eval_hint_runs_on_cpu", QT_TRANSLATE_NOOP("gsui::EngineMessage", "The Tensors lab runs on the CPU.")},
    {"word_eval_hint_gpu_lab", QT_TRANSLATE_NOOP("gsui::EngineMessage", "The Tensors lab runs on the CPU; the GPU lab shows devices.")},
    {"word_eval_hint_use_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Use x.dtype.")},
    {"word_eval_hint_use_tolist", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Use x.tolist().")},
    {"word_eval_hint_storage_offsets", QT_TRANSLATE_NOOP("gsui::EngineMessage", "The lab shows storage offsets instead of addresses.")},
    {"word_eval_tolist_too_long", QT_TRANSLATE_NOOP("gsui::EngineMessage", "tolist() of more than 100,000 elements")},
    {"word_eval_hint_index_a_part", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Index a part of the tensor first.")},
    {"word_eval_hint_divide_then_floor", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Use / and then .floor() elsewhere.")},
    {"word_eval_requires_grad_here", QT_TRANSLATE_NOOP("gsui::EngineMessage", "requires_grad=True here")},
    {"word_eval_hint_autograd_lab", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Gradients live in the Autograd lab.")},
    {"word_eval_full_of_bools", QT_TRANSLATE_NOOP("gsui::EngineMessage", "bool tensors (torch.full with True/False)")},
    {"word_eval_tensor_of_bools", QT_TRANSLATE_NOOP("gsui::EngineMessage", "bool tensors (torch.tensor of True/False)")},
    {"word_eval_hint_use_1_and_0", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Use 1 and 0.")},
    {"word_eval_tensor_of_tensors", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.tensor of a list of tensors")},
    {"word_eval_hint_use_stack", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Use torch.stack to join tensors.")},
    {"word_eval_an_assignment", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an assignment")},
    {"word_eval_the_result", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the result")},
    {"word_eval_rebinding_torch", QT_TRANSLATE_NOOP("gsui::EngineMessage", "rebinding the name torch")},
    {"word_eval_hint_use_torch_functions", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Use torch functions.")},
    {"word_eval_hint_lab_is_about_tensors", QT_TRANSLATE_NOOP("gsui::EngineMessage", "This lab is about tensors.")},
    {"word_eval_this_expression", QT_TRANSLATE_NOOP("gsui::EngineMessage", "this expression")},
    {"word_eval_hint_three_dtypes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "The engine has torch.float32, torch.float64 and torch.int64.")},
    {"word_eval_transpose_more_than_2d", QT_TRANSLATE_NOOP("gsui::EngineMessage", "x.T on a tensor with more than 2 dims")},
    {"word_eval_hint_use_permute", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Use permute().")},
    {"word_eval_repeating_sequences", QT_TRANSLATE_NOOP("gsui::EngineMessage", "repeating a list or string with *")},
    {"word_eval_hint_write_elements_out", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Write the elements out, or use torch.full.")},
    {"word_eval_complex_power", QT_TRANSLATE_NOOP("gsui::EngineMessage", "complex numbers (a negative number to a fractional power)")},
    {"word_eval_negative_integer_powers", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an integer tensor to a tensor of negative integer powers")},
    {"word_eval_hint_float_base_first", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Convert the base with .float() first.")},
    {"word_eval_inplace_matmul", QT_TRANSLATE_NOOP("gsui::EngineMessage", "in-place matrix product (@=)")},
    {"word_eval_hint_write_matmul", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Write x = x @ y.")},
    {"word_eval_index_with_bools", QT_TRANSLATE_NOOP("gsui::EngineMessage", "indexing with True/False")},
    {"word_eval_nested_index_lists", QT_TRANSLATE_NOOP("gsui::EngineMessage", "nested lists as an index")},
    {"word_eval_hint_one_list_of_ints", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Index with one list of ints.")},
    {"word_eval_index_tensor_2d", QT_TRANSLATE_NOOP("gsui::EngineMessage", "indexing with a tensor of more than one dimension")},
    {"word_eval_two_index_lists", QT_TRANSLATE_NOOP("gsui::EngineMessage", "more than one index list in one index (x[[0, 1], [1, 2]])")},
    {"word_eval_hint_one_list_at_a_time", QT_TRANSLATE_NOOP("gsui::EngineMessage", "Index with one list at a time.")},
    {"eval_multiple_values", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() got multiple values for argument '%2'")},
    {"eval_missing_argument", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() is missing the argument '%2'")},
    {"eval_too_many_positional", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() takes %2 positional argument(s) but %3 were given")},
    {"eval_unexpected_keyword", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() got an unexpected keyword argument '%2'")},
    {"eval_not_callable", QT_TRANSLATE_NOOP("gsui::EngineMessage", "'%1' object is not callable")},
    {"eval_len_of_0d", QT_TRANSLATE_NOOP("gsui::EngineMessage", "len() of a 0-d tensor")},
    {"eval_no_len", QT_TRANSLATE_NOOP("gsui::EngineMessage", "object of type '%1' has no len()")},
    {"eval_scalar_of_tensor", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() needs a one-element tensor, but this one has %2 elements")},
    {"eval_int_of_nonfinite", QT_TRANSLATE_NOOP("gsui::EngineMessage", "int() of %1 has no integer value")},
    {"eval_iterate_0d", QT_TRANSLATE_NOOP("gsui::EngineMessage", "iteration over a 0-d tensor")},
    {"eval_not_iterable", QT_TRANSLATE_NOOP("gsui::EngineMessage", "'%1' object is not iterable")},
    {"eval_argument_not_tensor", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1(): argument '%2' must be a Tensor, not %3")},
    {"eval_value_not_int64", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the value %1 does not fit in an int64 tensor")},
    {"eval_arange_needs_numbers", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.arange() needs numbers, but got %1")},
    {"eval_arange_arity", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.arange() takes 1 to 3 numbers (end, or start, end, step)")},
    {"eval_arange_needs_end", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.arange() needs an end")},
    {"eval_arange_start_twice", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.arange() got start twice")},
    {"eval_arange_zero_step", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.arange needs a non-zero step")},
    {"eval_arange_finite", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.arange needs finite bounds")},
    {"eval_arange_step_sign", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.arange's step goes away from the end: start %1, end %2, step %3")},
    {"eval_needs_size", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() needs a size, e.g. %1(2, 3)")},
    {"eval_random_needs_float", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 makes floating-point numbers; ask for torch.float32 or torch.float64")},
    {"eval_randint_usage", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.randint(low, high, size) or torch.randint(high, size)")},
    {"eval_randint_bounds", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.randint needs low < high")},
    {"eval_full_size_tuple", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.full() needs its size as a tuple, e.g. torch.full((2, 3), 7)")},
    {"eval_fills_with_number", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() fills with a number, not a %2")},
    {"eval_eye_negative", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.eye needs non-negative sizes")},
    {"eval_linspace_steps", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.linspace needs steps ≥ 0")},
    {"eval_join_needs_list", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() takes a list or tuple of tensors, e.g. %1([a, b], dim=0)")},
    {"eval_join_non_tensor", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() joins tensors, but the list holds a %2")},
    {"eval_join_empty", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() needs at least one tensor")},
    {"eval_mm_dims", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.mm multiplies two matrices (2-D); got %1-D and %2-D. torch.matmul handles other shapes.")},
    {"eval_bmm_dims", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.bmm multiplies two batches of matrices (3-D); got %1-D and %2-D.")},
    {"eval_needs_a_tensor", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1() needs a tensor among its arguments")},
    {"eval_negative_size", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 got the negative size %2")},
    {"eval_cannot_unpack", QT_TRANSLATE_NOOP("gsui::EngineMessage", "cannot unpack %1 into %2 names")},
    {"eval_unpack_0d", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a 0-d tensor cannot be unpacked")},
    {"eval_unpack_count", QT_TRANSLATE_NOOP("gsui::EngineMessage", "there are %1 values to unpack into %2 names")},
    {"eval_index_out_of_range", QT_TRANSLATE_NOOP("gsui::EngineMessage", "index %1 is out of range for a %2 of length %3")},
    {"eval_not_subscriptable", QT_TRANSLATE_NOOP("gsui::EngineMessage", "'%1' object is not subscriptable")},
    {"eval_slice_outside_index", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a slice (a:b) can only appear inside [...]")},
    {"eval_bad_unary", QT_TRANSLATE_NOOP("gsui::EngineMessage", "bad operand type for unary %1: '%2'")},
    {"eval_no_attribute", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a %1 has no attribute %2")},
    {"eval_unsupported_operands", QT_TRANSLATE_NOOP("gsui::EngineMessage", "unsupported operand type(s) for %1: '%2' and '%3'")},
    {"eval_division_by_zero", QT_TRANSLATE_NOOP("gsui::EngineMessage", "division by zero")},
    {"eval_zero_negative_power", QT_TRANSLATE_NOOP("gsui::EngineMessage", "0 cannot be raised to a negative power")},
    {"eval_matmul_numbers", QT_TRANSLATE_NOOP("gsui::EngineMessage", "unsupported operand type(s) for @: numbers")},
    {"eval_int_negative_power", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an integer tensor cannot be raised to a negative integer power")},
    {"eval_matmul_dtypes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 needs both operands to have the same dtype, but they are %2 and %3: convert one with .to(...).")},
    {"eval_product_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the product %1 %2 %3 would take %4 million multiply-adds: products of more than 200 million are not supported here. The Tensors lab is for tensors you can look at; make them smaller.")},
    {"eval_inplace_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 would put %2 results into the %3 tensor in place; an in-place op cannot change a tensor's dtype. Write x = x %4 ... (a new tensor) or convert x first with .float().")},
    {"eval_inplace_shape", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 cannot change the shape of the tensor it updates in place: the result would be %2, but the tensor is %3.")},
    {"eval_slice_step", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a slice step must be positive, got %1 (PyTorch has no negative steps; use torch.flip)")},
    {"eval_one_ellipsis", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an index can contain ... only once")},
    {"eval_too_many_indices", QT_TRANSLATE_NOOP("gsui::EngineMessage", "too many indices: the tensor has %1 dimension(s) but the index names %2")},
    {"eval_index_list_ints", QT_TRANSLATE_NOOP("gsui::EngineMessage", "an index list must hold integers, but it holds %1")},
    {"eval_index_tensor_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a tensor used as an index must be int64, but this one is %1")},
    {"eval_bad_index", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a tensor cannot be indexed with %1")},
    {"eval_assign_into_tensor", QT_TRANSLATE_NOOP("gsui::EngineMessage", "can only assign a number or a tensor into a tensor, not a %1")},
    {"eval_index_put_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "assigning through an index list needs the values in the tensor's own dtype (%1), but they are %2: convert them with .to(...) first.")},
    {"eval_fill_shape", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a value of shape %1 cannot fill the part of shape %2: the shapes must match or broadcast.")},
    {"eval_memory", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the variables would hold %1 MB of tensors: more than %2 MB is not supported here. Reuse names, or make the tensors smaller.")},
    {"eval_permute_needs_dims", QT_TRANSLATE_NOOP("gsui::EngineMessage", "permute() needs the new order of the dims, e.g. x.permute(1, 0)")},
    {"eval_permute_count", QT_TRANSLATE_NOOP("gsui::EngineMessage", "permute needs one entry per dimension: the tensor has %1 dims but %2 were given.")},
    {"eval_permute_repeated", QT_TRANSLATE_NOOP("gsui::EngineMessage", "permute lists dim %1 twice")},
    {"eval_t_dims", QT_TRANSLATE_NOOP("gsui::EngineMessage", "t() transposes tensors of at most 2 dims; this one has %1. Use transpose(dim0, dim1) or permute.")},
    {"eval_flatten_dims", QT_TRANSLATE_NOOP("gsui::EngineMessage", "flatten needs start_dim ≤ end_dim")},
    {"eval_expand_sizes", QT_TRANSLATE_NOOP("gsui::EngineMessage", "expand needs at least as many sizes as the tensor has dims (%1), got %2")},
    {"eval_0d_no_dims", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a 0-d tensor has no dimensions to ask about")},
    {"eval_too_many_elements", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 would have %2 elements: tensors of more than a million elements are not supported here. The Tensors lab is for tensors you can look at; make it smaller.")},
    {"eval_too_many_elements_result", QT_TRANSLATE_NOOP("gsui::EngineMessage", "the result of %1 would have %2 elements: tensors of more than a million elements are not supported here. The Tensors lab is for tensors you can look at; make it smaller.")},
    {"eval_too_many_elements_from", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a tensor from %1 would have %2 elements: tensors of more than a million elements are not supported here. The Tensors lab is for tensors you can look at; make it smaller.")},
    {"eval_partial_overlap", QT_TRANSLATE_NOOP("gsui::EngineMessage", "this in-place write reads from the same memory it writes (the two overlap in part), so its result would depend on the order of the writes. clone() the right-hand side first.")},
    {"eval_dimension_too_large", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 has a dimension of size %2: dimensions of more than a million are not supported here, even in an empty tensor.")},
    {"eval_must_be_integer", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 must be an integer, but got %2 (%3)")},
    {"eval_must_be_bool", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 must be True or False, but got %2")},
    {"eval_must_be_dtype", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1 must be a dtype such as torch.float32, but got %2")},
    {"eval_sizes_tuple_of_ints", QT_TRANSLATE_NOOP("gsui::EngineMessage", "%1(): %2 must be a tuple of ints, but found element of type %3 at pos %4")},
    {"eval_tensor_ragged_levels", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.tensor() needs every element of a level to be a list, or every one a number, but this level mixes them: %1")},
    {"eval_tensor_data_type", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.tensor() needs numbers or (nested) lists of numbers, but got %1")},
    {"word_eval_more_than_10_15", QT_TRANSLATE_NOOP("gsui::EngineMessage", "more than 10^15")},
    {"word_eval_randint_bound", QT_TRANSLATE_NOOP("gsui::EngineMessage", "randint bound")},
    {"word_eval_list_index", QT_TRANSLATE_NOOP("gsui::EngineMessage", "list index")},
    {"word_eval_tuple_index", QT_TRANSLATE_NOOP("gsui::EngineMessage", "tuple index")},
    {"word_eval_size_index", QT_TRANSLATE_NOOP("gsui::EngineMessage", "torch.Size index")},
    {"word_eval_slice_start", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a slice start")},
    {"word_eval_slice_stop", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a slice stop")},
    {"word_eval_slice_step", QT_TRANSLATE_NOOP("gsui::EngineMessage", "a slice step")},
};

/// Arguments that are core's own coded words (a 0-argument template: the expression parser's
/// tokens, and every "word_…" code), said in the current language.
QString translatedArgument(const std::string& arg) {
  static const std::vector<const gs::MessageTemplate*> kWords = [] {
    std::vector<const gs::MessageTemplate*> words;
    for (const gs::MessageTemplate& m : gs::message_templates()) {
      const std::string_view code = m.code;
      if (m.arity == 0 && (code.starts_with("word_") || code == "expr_token_end" || code == "expr_token_newline")) words.push_back(&m);
    }
    return words;
  }();
  for (const gs::MessageTemplate* m : kWords)
    if (arg == m->english) return QCoreApplication::translate(kContext, m->english);
  return QString::fromStdString(arg);
}

/// %1 … %9 replaced in one pass (an argument containing "%2" is not substituted again).
QString fill(const QString& sentence, const std::vector<std::string>& args) {
  QString out;
  out.reserve(sentence.size() + 32);
  for (qsizetype i = 0; i < sentence.size(); ++i) {
    const QChar c = sentence[i];
    if (c == '%' && i + 1 < sentence.size() && sentence[i + 1] >= '1' && sentence[i + 1] <= '9') {
      const std::size_t k = std::size_t(sentence[i + 1].unicode() - '1');
      if (k < args.size()) {
        out += translatedArgument(args[k]);
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

QString engineMessage(const std::string& code, const std::vector<std::string>& args, const QString& english_fallback) {
  const gs::MessageTemplate* m = code.empty() ? nullptr : gs::find_message(code);
  if (!m || static_cast<int>(args.size()) != m->arity) return english_fallback;
  return withKoreanParticles(fill(QCoreApplication::translate(kContext, m->english), args));
}

QString engineExplanation(const gs::Error& error) {
  QString english = QString::fromUtf8(error.what());
  const qsizetype torch = english.indexOf(QStringLiteral("\n(PyTorch: "));
  if (torch >= 0) english.truncate(torch);
  return engineMessage(error.code(), error.args(), english);
}

QString torchMessageLine(const std::string& torch_message) {
  if (torch_message.empty()) return {};
  return QCoreApplication::translate("gsui::EngineMessage", "PyTorch's message: %1").arg(QString::fromStdString(torch_message));
}

QString engineMessage(const gs::Error& error) {
  const QString explanation = engineExplanation(error);
  const QString torch = torchMessageLine(error.torch_message());
  return torch.isEmpty() ? explanation : explanation + '\n' + torch;
}

QList<QPair<QString, QString>> engineMessageSources() {
  QList<QPair<QString, QString>> out;
  for (const Entry& e : kSentences) out.append({QString::fromLatin1(e.code), QString::fromUtf8(e.english)});
  return out;
}

}  // namespace gsui
