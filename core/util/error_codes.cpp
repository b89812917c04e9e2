#include "util/error_codes.h"

#include <algorithm>

namespace gs {

const std::vector<MessageTemplate>& message_templates() {
  // The English sentences are exactly what the engine has always said (tests compare them).
  // Arguments are values (shapes, numbers, names from the program), never English words.
  static const std::vector<MessageTemplate> table = {
      // ---- autograd
      {"backward_freed_graph",
       "This graph was already used by a backward() call and its saved values were freed, so %1 cannot run again. "
       "Recompute the forward pass, or call backward(retain_graph=true) the first time if you really need two backward "
       "passes through the same graph.",
       1},
      {"saved_tensor_modified",
       "A tensor that %1 saved for backward (%2, shape %3) was changed by an in-place operation after it was used, so its "
       "gradient would be wrong. Use the out-of-place version (x = x + 1 instead of x += 1 / x.add_(1)) or clone() before "
       "changing it.",
       3},
      {"backward_nothing_requires_grad",
       "backward() found nothing to differentiate: this tensor was not computed from any tensor with requires_grad=True "
       "(or it was computed under no_grad). Create the parameters with requires_grad=True, e.g. w = torch.tensor([...], "
       "requires_grad=True).",
       0},
      {"backward_non_scalar",
       "backward() can only start from a single number (a scalar), but this output has shape %1 (%2 values). Reduce it to "
       "one number first, e.g. y.sum().backward() or y.mean().backward(), or pass a gradient of the same shape: "
       "y.backward(torch.ones_like(y)).",
       2},
      {"backward_gradient_shape", "the gradient passed to backward() has shape %1 but the output has shape %2; they must match.", 2},
      {"requires_grad_non_leaf",
       "requires_grad can only be changed on leaf tensors (ones you created, not results of operations). To stop gradients "
       "at this tensor, use .detach().",
       0},
      {"requires_grad_integer",
       "only floating-point tensors can require gradients, but this one is %1: create it with dtype float32/float64 (e.g. "
       "torch.tensor([1.0, 2.0])).",
       1},
      {"inplace_leaf_requires_grad",
       "%1 would change a leaf tensor that requires grad in place, which would corrupt the graph that records how it was "
       "used. Update parameters inside `with torch.no_grad():` (gs::NoGradGuard), or use an out-of-place op.",
       1},
      {"inplace_view_requires_grad",
       "%1 on a view of a tensor that requires grad is not supported: clone() the view first, or do it under no_grad.", 1},
      {"inplace_overlap",
       "%1 would write to a tensor in which several elements share one memory cell (it was made by expand or "
       "broadcasting: dim %2 has stride 0). clone() it first.",
       2},
      // ---- the Autograd lab's small language: "line L, column C: ..." first
      {"expr_unexpected_character", "line %1, column %2: unexpected character '%3'", 3},
      {"expr_unknown_function",
       "line %1, column %2: unknown function '%3'. Known: sigmoid, tanh, relu, exp, log, sqrt, abs, sum, mean, softmax.", 3},
      {"expr_unknown_function_hint",
       "line %1, column %2: unknown function '%3'. Did you mean '%4'? Known: sigmoid, tanh, relu, exp, log, sqrt, abs, sum, "
       "mean, softmax.",
       4},
      {"expr_empty", "line %1, column %2: the program is empty: write at least one line like  y = x * 2", 2},
      {"expr_expected", "line %1, column %2: expected '%3' but found %4", 4},
      {"expr_needs_assignment", "line %1, column %2: each line must assign a name, like  z = sigmoid(w*x + b)", 2},
      {"expr_function_as_variable", "line %1, column %2: '%3' is a function name; choose another variable name", 3},
      {"expr_trailing", "line %1, column %2: unexpected %3 after the expression", 3},
      {"expr_method_name", "line %1, column %2: expected a method name after '.'", 2},
      {"expr_not_a_number", "line %1, column %2: '%3' is not a number", 3},
      {"expr_uncalled_function", "line %1, column %2: '%3' is a function: call it, e.g. %3(x)", 3},
      {"expr_expected_operand", "line %1, column %2: expected a number, a name or '(' but found %3", 3},
      {"expr_no_value", "line %1, column %2: '%3' has no value: give the leaf a value", 3},
      // words that stand as an argument above (a front end says them in its language too)
      {"expr_token_end", "the end of the program", 0},
      {"expr_token_newline", "the end of the line", 0},
      // ---- tensors: shapes, views, broadcasting, matmul, cat/stack, item
      {"dim_out_of_range", "dim %1 does not exist for a tensor with %2 dimension(s); valid dims are %3.", 3},
      {"broadcast_mismatch",
       "shapes %1 and %2 cannot be broadcast: aligned from the right, dimension %3 has sizes %4 and %5, and neither is 1.", 5},
      {"different_devices", "%1: the operands live on different devices (%2 and %3). Move one with .to(...) so both are on the same device.", 3},
      {"item_not_one_element",
       "item() needs a tensor with exactly one element, but this one has shape %1 (%2 elements). Reduce it first (sum, "
       "mean) or index one element.",
       2},
      {"view_not_contiguous",
       "view() cannot give shape %1 to this tensor without copying: its memory layout (strides %2, e.g. after "
       "transpose/permute) is not contiguous. Use .reshape(...) (which copies when it must) or call .contiguous() first.",
       2},
      {"shape_one_inferred", "only one dimension can be -1 (inferred) in %1", 1},
      {"shape_invalid_size", "shape %1 cannot hold the %2 elements of this tensor: the sizes must multiply to %2.", 2},
      {"cat_sizes", "cat: tensor %1 has shape %2 but tensor 0 has %3; all sizes must match except in dimension %4.", 4},
      {"stack_sizes", "stack needs tensors of equal shape, but tensor 0 is %1 and tensor %2 is %3.", 3},
      {"mm_shapes",
       "matrix product %1 @ %2 is undefined: the first matrix's columns (%3) must equal the second's rows (%4). Check the "
       "order of the operands, or transpose one (.t()).",
       4},
      {"bmm_shapes",
       "bmm: shapes %1 and %2 do not fit: both need the same batch size B, and [B, n, m] @ [B, m, p] needs equal m.", 2},
      {"dot_lengths", "dot product of vectors of different lengths (%1 and %2)", 2},
      {"matmul_shapes",
       "matmul: the last dim of the first operand (%1) must equal the second-to-last dim of the second (%2): shapes %3 "
       "and %4.",
       4},
      {"linear_input_features",
       "Linear(in_features=%1, out_features=%2) got an input whose last dimension is %3 (shape %4); in_features must equal "
       "the number of input features.",
       4},
      // ---- the Tensors lab's Python
      {"eval_item_not_one_element",
       "item() turns a one-element tensor into a Python number, but this tensor has %1 elements (shape %2).", 2},
      {"eval_name_not_defined", "%1 is not defined: assign it first (%1 = ...).", 1},
      // ---- losses
      {"loss_shape_mismatch",
       "%1: input has shape %2 but target has shape %3. They must match element for element; broadcasting them would "
       "compare every prediction with every target. Reshape one, e.g. target.view(-1, 1) or input.squeeze(1).",
       3},
      {"loss_reduction", "reduction must be \"mean\", \"sum\" or \"none\", got \"%1\"", 1},
      {"bce_needs_probabilities",
       "BCELoss takes probabilities in [0, 1], but input element %1 is %2. If the model outputs logits (no Sigmoid at the "
       "end), use BCEWithLogitsLoss instead; otherwise add a Sigmoid.",
       2},
      {"nll_target_dtype",
       "NLLLoss/CrossEntropyLoss take class indices as the target: an int64 tensor of shape [N] with values 0…C−1, but "
       "this target is %1. Convert it with target.long() (or give class probabilities of shape [N, C] to "
       "CrossEntropyLoss).",
       1},
      {"nll_target_shape", "NLLLoss: target must have shape [%1] (one class index per sample), got %2.", 2},
      {"nll_input_shape", "NLLLoss expects input [N, C] (log-probabilities of C classes), got %1", 1},
      {"ce_input_shape", "CrossEntropyLoss expects input [N, C] (one logit per class), got %1.", 1},
      {"ce_input_vector", "CrossEntropyLoss expects input [N, C] (one logit per class), got %1: add the batch dimension with unsqueeze(0).", 1},
      {"huber_delta", "HuberLoss: delta must be positive, got %1", 1},
      // ---- model spec (the builder's teaching errors, said at the layer at fault)
      {"linear_needs_flat",
       "Linear expects [N, features] but gets %1: add a Flatten after the last pooling layer to turn each sample into one "
       "vector of %2 features.",
       2},
      {"linear_needs_flat_input",
       "Linear expects [N, features] but gets %1: add a Flatten before it to turn each sample into one vector of %2 features.", 2},
      {"linear_in_features",
       "Linear(in_features=%1) gets %2 features from the layer before: set in_features to %2 (or leave it out to infer it).", 2},
      {"conv_needs_images_flat",
       "%1 expects images [N, C, H, W] but gets %2: the data is already flat here. Put %1 before Flatten, or give the model "
       "an image input_shape [C, H, W].",
       2},
      {"conv_needs_images", "%1 expects images [N, C, H, W] but gets %2: give it an input of shape [C, H, W] per sample.", 2},
      {"conv_in_channels",
       "Conv2d(in_channels=%1) gets %2 channels from the layer before: set in_channels to %2 (or leave it out to infer it).", 2},
      {"pool_padding_too_large", "%1: padding %2 is more than half of kernel_size %3; use padding <= kernel_size / 2.", 3},
      {"window_too_large",
       "%1: the %2 window does not fit in the %3 feature map (padding %4). Output size = (H + 2·padding − kernel_size) / "
       "stride + 1 would be %5: use a smaller kernel, add padding, or remove a pooling layer before it.",
       5},
      {"residual_needs_images", "ResidualBlock expects images [N, C, H, W] but gets %1: put it before Flatten.", 1},
      {"residual_channels",
       "ResidualBlock(channels=%1) gets %2 channels: the shortcut adds the input to the output, so both need the same channels.", 2},
      {"residual_kernel_odd", "ResidualBlock: kernel_size must be odd so the output keeps the input's size, got %1.", 1},
      {"flatten_dims", "Flatten(start_dim=%1, end_dim=%2) does not fit an input %3.", 3},
      {"flatten_batch", "Flatten(start_dim=0) would merge the batch dimension into the features; use start_dim=1 (the default).", 0},
      {"dropout_p", "%1.p: dropout probability has to be between 0 and 1, got %2", 2},
      {"residual_mlp_needs_flat", "ResidualMLPBlock expects [N, features] but gets %1: put a Flatten before it.", 1},
      {"residual_mlp_features",
       "ResidualMLPBlock(features=%1) gets %2 features: the shortcut adds the input to the output, so both need the same size.", 2},
      {"batchnorm2d_needs_images", "%1 expects [N, C, H, W] but gets %2: use BatchNorm1d after Flatten/Linear.", 2},
      {"batchnorm1d_needs_flat", "%1 expects [N, C] or [N, C, L] but gets %2: use BatchNorm2d after Conv2d (before Flatten).", 2},
      {"batchnorm2d_num_features", "%1(num_features=%2) gets %3 channels: set num_features to %3.", 3},
      {"batchnorm1d_num_features", "%1(num_features=%2) gets %3 features: set num_features to %3.", 3},
      {"softmax_dim_range", "%1(dim=%2) is out of range for an input %3.", 3},
      {"softmax_dim_batch", "%1(dim=0) normalises across the batch, mixing different samples; use dim=1 (the classes).", 1},
      {"layer_output_too_large", "its output %1 holds more than 1,000,000,000 numbers per sample; make the layer smaller", 1},
      {"model_too_many_parameters", "the model would have more than 1,000,000,000 parameters here; make the layer smaller", 0},
      {"spec_must_be_positive", "%1: must be positive, got %2", 2},
      {"spec_must_be_positive_integer", "%1: must be a positive integer, got %2", 2},
      // ---- convolution explained
      {"conv_same_padding_stride",
       "padding='same' keeps the output as large as the input, which only a stride of 1 can do: use stride=1, or give "
       "padding as numbers.",
       0},
      // ---- training stopped by itself
      {"diverged_lr_not_finite",
       "the loss became %1 at step %2 (epoch %3): the learning rate itself is %4 (the scheduler made it so: check its "
       "arguments).",
       4},
      {"diverged_eps_zero",
       "the loss became %1 at step %2 (epoch %3): eps is 0, so a coordinate whose gradient has been 0 divides 0 by 0 (nan) "
       "in the optimizer's update. Use eps = 1e-8.",
       3},
      {"diverged_lr_zero",
       "the loss became %1 at step %2 (epoch %3): the learning rate is 0, so no update caused this: the inputs or the "
       "model produce it (are the inputs finite?).",
       3},
      {"diverged_updates_grew",
       "the loss became %1 at step %2 (epoch %3): the updates grew instead of shrinking. Lower the learning rate (now %4), "
       "or standardize the inputs.",
       4},
      {"early_stopping",
       "early stopping at epoch %1: %2 has not improved for %3 epochs; the best was epoch %4", 4},
      {"early_stopping_restored",
       "early stopping at epoch %1: %2 has not improved for %3 epochs; the best was epoch %4, whose weights are restored", 4},
      // ---- devices
      {"device_not_built",
       "this GradScope was built without the %1 backend (configure it with the CUDA toolkit installed and "
       "-DGRADSCOPE_CUDA=ON)",
       1},
      {"cuda_no_driver", "no usable NVIDIA driver or GPU (%1)", 1},
      {"cuda_no_gpu", "no NVIDIA GPU was found", 0},
      // the CUDA runtime's own reasons (cudaGetErrorString), coded words so that a front end can say them
      {"word_cuda_insufficient_driver", "CUDA driver version is insufficient for CUDA runtime version", 0},
      {"word_cuda_no_device", "no CUDA-capable device is detected", 0},
      {"word_cuda_stub_library", "CUDA driver is a stub library", 0},
      {"word_cuda_initialization_error", "initialization error", 0},
      {"word_cuda_driver_mismatch", "system has unsupported display driver / cuda driver combination", 0},
      {"word_cuda_devices_unavailable", "CUDA-capable device(s) is/are busy or unavailable", 0},
      {"word_cuda_compat_not_supported", "forward compatibility was attempted on non supported HW", 0},
      {"cuda_arch_unsupported",
       "%1 (compute capability %2) cannot run this GradScope's CUDA kernels, which were built for the architectures %3 "
       "(CMAKE_CUDA_ARCHITECTURES)",
       3},
      {"cuda_arch_unsupported_unnamed",
       "the GPU cannot run this GradScope's CUDA kernels, which were built for the architectures %1 "
       "(CMAKE_CUDA_ARCHITECTURES)",
       1},
      {"cuda_kernels_unloadable", "%1 (compute capability %2) cannot load this GradScope's CUDA kernels (%3)", 3},
      {"cuda_kernels_unloadable_unnamed", "the GPU cannot load this GradScope's CUDA kernels (%1)", 1},
      // ---- data
      {"fashion_mnist_missing",
       "fashion_mnist: not found in %1 (install Debian's dataset-fashion-mnist, or set GRADSCOPE_FASHION_MNIST_DIR)", 1},
      {"shipped_file_missing", "%1: this file comes with GradScope but is missing (reinstall GradScope)", 1},
      {"shipped_file_invalid", "%1: this file comes with GradScope but cannot be read (%2); reinstall GradScope", 2},
      // ---- the learner's image folder (data::load_image_folder)
      {"image_folder_missing", "%1: no such folder", 1},
      {"image_folder_no_classes",
       "%1: no subfolder holds a PNG or JPEG image; the layout is one subfolder per class (%1/cat/1.png, %1/dog/2.jpg)", 1},
      {"image_folder_one_class", "%1: only one class folder holds images (%2); a classifier needs at least two", 2},
      {"image_folder_too_many_classes", "%1: %2 class folders; at most %3 are read", 3},
      {"image_folder_too_many_images", "%1: %2 images; at most %3 of this size are read (take a sample, or a smaller size)", 3},
      {"image_folder_unreadable", "%1: cannot be read", 1},
      {"image_folder_file_too_large", "%1: %2 MiB; an image file of more than %3 MiB is refused", 3},
      {"image_folder_image_too_large", "%1: %2×%3 pixels; at most %4 pixels a side are read", 4},
      {"image_folder_not_an_image", "%1: neither a PNG nor a JPEG file", 1},
      {"image_folder_no_pixels", "%1: the file holds no pixels (a header without an image)", 1},
      {"image_folder_bad_png", "%1: not a readable PNG (%2)", 2},
      {"image_folder_bad_jpeg", "%1: not a readable JPEG (%2)", 2},
      // ---- CSV tables (the Playground's Import CSV, gradscope-cli train)
      {"csv_no_file", "%1: no such file", 1},
      {"csv_too_large", "%1: holds more than %2 MiB; a data file this large is refused (is it the wrong file?)", 2},
      {"csv_unknown_column", "%1: no column named \"%2\" (the columns are: %3)", 3},
      {"csv_too_many_rows", "%1:%2: more than %3 rows; a table this long is refused (take a sample of it)", 3},
      {"csv_empty", "%1: the file is empty (no line with a value)", 1},
      {"csv_ragged", "%1:%2: %3 fields where %5 %4 (every row needs one value per column)", 5},
      {"word_csv_header_names", "the header names", 0},
      {"word_csv_first_line_has", "the first line has", 0},
      {"csv_column_twice", "%1: the column \"%2\" is chosen twice; choose different columns", 2},
      {"csv_too_few_rows", "%1: %2 data rows; at least %3 are needed to train and test on", 3},
      {"csv_not_a_number", "%1:%2: column \"%3\": \"%4\" is not a number", 4},
      {"csv_not_finite", "%1:%2: column \"%3\": \"%4\" is not a finite number (nan and inf cannot be learned from)", 4},
      {"csv_constant_target", "%1: every value of \"%2\" is %3; a target that never changes leaves nothing to learn", 3},
      {"csv_single_class", "%1: every label in \"%2\" is \"%3\"; a classifier needs at least two classes", 3},
      {"csv_too_many_classes", "%1: \"%2\" has %3 classes (%5); at most %4 can be learned here", 5},
      // ---- safetensors weights (File → Save weights / Load weights, transfer learning)
      {"safetensors_too_short", "%1: not a safetensors file we can read: it has %2 bytes, fewer than the 8 of the header length", 2},
      {"safetensors_header_too_large", "%1: not a safetensors file we can read: the header claims %2 bytes (more than 100 MB)", 2},
      {"safetensors_header_cut", "%1: not a safetensors file we can read: the header claims %2 bytes but only %3 follow", 3},
      {"safetensors_header_not_json", "%1: not a safetensors file we can read: the header is not valid JSON (%2)", 2},
      {"safetensors_header_not_object", "%1: not a safetensors file we can read: the header is not a JSON object", 1},
      {"safetensors_metadata_not_object", "%1: not a safetensors file we can read: __metadata__ is not an object of strings", 1},
      {"safetensors_metadata_not_string", "%1: not a safetensors file we can read: __metadata__[\"%2\"] is not a string", 2},
      {"safetensors_tensor_fields", "%1: not a safetensors file we can read: tensor \"%2\" needs \"dtype\", \"shape\" and \"data_offsets\"", 2},
      {"safetensors_dtype_not_string", "%1: not a safetensors file we can read: tensor \"%2\": dtype is not a string", 2},
      {"safetensors_dtype_unsupported", "%1: not a safetensors file we can read: tensor \"%2\" has dtype %3; GradScope reads F32, F64 and I64", 3},
      {"safetensors_shape_not_list", "%1: not a safetensors file we can read: tensor \"%2\": shape is not a list of at most 16 sizes", 2},
      {"safetensors_shape_not_sizes", "%1: not a safetensors file we can read: tensor \"%2\": shape %3 holds something other than sizes", 3},
      {"safetensors_offsets_not_pair", "%1: not a safetensors file we can read: tensor \"%2\": data_offsets is not [begin, end]", 2},
      {"safetensors_offsets_outside", "%1: not a safetensors file we can read: tensor \"%2\": data_offsets [%3, %4] lie outside the %5 bytes of data", 5},
      {"safetensors_size_mismatch", "%1: not a safetensors file we can read: tensor \"%2\": shape %3 of %4 needs %5 bytes but data_offsets give %6", 6},
      {"safetensors_overlap", "%1: not a safetensors file we can read: tensor \"%2\" overlaps the one before it in the data", 2},
      {"safetensors_hole", "%1: not a safetensors file we can read: bytes %2 to %3 of the data belong to no tensor", 3},
      {"safetensors_trailing", "%1: not a safetensors file we can read: the last %2 bytes of the data belong to no tensor", 2},
      {"safetensors_cannot_write", "cannot write \"%1\"", 1},
      {"safetensors_write_failed", "cannot write \"%1\" (disk full?)", 1},
      {"safetensors_no_file", "%1: no such file, or it cannot be read", 1},
      {"safetensors_data_unreadable", "%1: the data of tensor \"%2\" could not be read", 2},
      {"state_dict_names_differ", "the weights do not belong to this network (the names differ: is it the same architecture?)", 0},
      {"state_dict_shape", "the weights' \"%1\" has shape %2 but this network's has %3", 3},
      {"state_dict_dtype", "the weights' \"%1\" is %2 but this network's is %3: integers and floating-point numbers do not convert into each other here", 3},
      {"weights_names_differ", "%1: the weights do not belong to this network (the names differ: is it the same architecture?)", 1},
      {"weights_shape", "%1: the weights' \"%2\" has shape %3 but this network's has %4", 4},
      {"weights_dtype", "%1: the weights' \"%2\" is %3 but this network's is %4: integers and floating-point numbers do not convert into each other here", 4},
      // ---- the Tensors lab's parser (core/eval/syntax.cpp); word_*: coded words, said as arguments
      {"eval_not_supported", "%1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"eval_not_supported_hint", "%1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. %2", 2},
      {"eval_string_prefix", "the string prefix %1\"...\" is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Use a plain string.", 1},
      {"eval_number_literal", "the number literal %1... is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Write numbers in decimal.", 1},
      {"eval_integer_too_large", "the integer %1 (larger than 64 bits) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"eval_comparison", "the comparison %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Comparisons make bool tensors, which this lab does not have.", 1},
      {"eval_bitwise", "the bitwise operator %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"eval_operator", "the operator %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"eval_attribute_assignment", "assigning to an attribute (x.%1 = ...) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"eval_import_as", "import %1 as %2 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Write import torch.", 2},
      {"eval_import_other", "import %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Only import torch is known here.", 1},
      {"word_eval_complex_numbers", "complex numbers", 0},
      {"word_eval_x_escapes", "\\x escapes above \\x7f in strings", 0},
      {"word_eval_nested_too_deep", "expressions nested more than 100 levels deep", 0},
      {"word_eval_chained_assignment", "chained assignment (a = b = ...)", 0},
      {"word_eval_hint_one_name", "Assign one name per statement.", 0},
      {"word_eval_blocks", "annotations and blocks ending in ':'", 0},
      {"word_eval_too_many_operations", "statements of more than 1000 operations", 0},
      {"word_eval_hint_split", "Split it into several statements.", 0},
      {"word_eval_conditional_expressions", "conditional expressions (a if c else b)", 0},
      {"word_eval_comprehensions", "comprehensions ([... for ... in ...])", 0},
      {"word_eval_unpacking_arguments", "unpacking arguments with * or **", 0},
      {"word_eval_dicts_and_sets", "dicts and sets ({...})", 0},
      {"word_eval_starred", "starred expressions (*rest)", 0},
      {"word_eval_walrus", "the walrus operator :=", 0},
      {"word_eval_arrow_annotations", "annotations (->)", 0},
      {"word_eval_for_loops", "for loops", 0},
      {"word_eval_while_loops", "while loops", 0},
      {"word_eval_if_statements", "if statements", 0},
      {"word_eval_defining_functions", "defining functions (def)", 0},
      {"word_eval_classes", "classes", 0},
      {"word_eval_with_blocks", "with blocks", 0},
      {"word_eval_boolean_and", "the boolean operator and", 0},
      {"word_eval_boolean_or", "the boolean operator or", 0},
      {"word_eval_boolean_not", "the boolean operator not", 0},
      {"word_eval_operator_in", "the operator in", 0},
      {"word_eval_operator_is", "the operator is", 0},
      {"eval_invalid_number", "invalid number literal \"%1\"", 1},
      {"eval_number_underscore", "invalid number literal \"%1\": an underscore goes between two digits", 1},
      {"eval_leading_zeros", "leading zeros in decimal integer literals are not permitted (\"%1\"); write %2", 2},
      {"eval_string_never_closed", "a string starting at column %1 is never closed", 1},
      {"eval_augmented_one_target", "an augmented assignment needs one target", 0},
      {"eval_cannot_assign", "cannot assign to this expression; the left of '=' must be a name or an indexed name", 0},
      {"eval_positional_after_keyword", "a positional argument follows a keyword argument", 0},
      {"eval_empty_index", "an empty index x[] is not valid Python", 0},
      {"eval_cannot_be_used_here", "\"%1\" cannot be used here", 1},
      {"eval_expected", "expected %1 at column %2, found %3", 3},
      {"word_eval_end_of_statement", "the end of the statement", 0},
      {"word_eval_module_name", "a module name", 0},
      {"word_eval_name_after_as", "a name after 'as'", 0},
      {"word_eval_an_operator", "an operator", 0},
      {"word_eval_attribute_name", "an attribute name after '.'", 0},
      {"word_eval_argument_list", "',' or ')' in the argument list", 0},
      {"word_eval_index_list", "',' or ']' in the index", 0},
      {"word_eval_an_expression", "an expression", 0},
      {"eval_line_string_never_closed", "line %1: a string is never closed", 1},
      {"eval_line_semicolon", "line %1: ';' with no statement before it", 1},
      {"eval_line_indent", "line %1: unexpected indent: a statement starts at the beginning of its line", 1},
      {"eval_line_bracket_not_open", "line %1: '%2' does not close any bracket", 2},
      {"eval_line_bracket_never_closed", "line %1: '%2' is never closed", 2},
      // ---- the Tensors lab's evaluator (core/eval/*.cpp): what it refuses by name, and its hints
      {"eval_elementwise_of_two_tensors", "x.%1(other) (the elementwise %1 of two tensors) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Use torch.where or clamp.", 1},
      {"eval_builtin_of_type", "%1() of a %2 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 2},
      {"eval_builtin", "the built-in %1() is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"eval_integer_beyond_2_53", "the integer %1 in %2 (beyond 2^53) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Values this large lose digits on the way into a tensor here.", 2},
      {"eval_too_many_dimensions", "%1 with %2 dimensions (more than 16) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. The lab draws up to 4.", 2},
      {"eval_item_assignment", "item assignment on a %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"eval_slicing", "slicing a %1 is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use. Index one element, e.g. x.shape[0].", 1},
      {"eval_integers_beyond_64_bits", "integers beyond 64 bits (%1) is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"eval_operator_on_tensors", "the operator %1 on tensors is not supported here: the Tensors lab runs the part of Python and PyTorch that the course's tensor pages use.", 1},
      {"word_eval_hint_use_to_dtype", "Use .to(dtype) to convert.", 0},
      {"word_eval_hint_float_double_long", "The engine has float(), double() and long().", 0},
      {"word_eval_hint_runs_on_cpu", "The Tensors lab runs on the CPU.", 0},
      {"word_eval_hint_gpu_lab", "The Tensors lab runs on the CPU; the GPU lab shows devices.", 0},
      {"word_eval_hint_use_dtype", "Use x.dtype.", 0},
      {"word_eval_hint_use_tolist", "Use x.tolist().", 0},
      {"word_eval_hint_storage_offsets", "The lab shows storage offsets instead of addresses.", 0},
      {"word_eval_tolist_too_long", "tolist() of more than 100,000 elements", 0},
      {"word_eval_hint_index_a_part", "Index a part of the tensor first.", 0},
      {"word_eval_hint_divide_then_floor", "Use / and then .floor() elsewhere.", 0},
      {"word_eval_requires_grad_here", "requires_grad=True here", 0},
      {"word_eval_hint_autograd_lab", "Gradients live in the Autograd lab.", 0},
      {"word_eval_full_of_bools", "bool tensors (torch.full with True/False)", 0},
      {"word_eval_tensor_of_bools", "bool tensors (torch.tensor of True/False)", 0},
      {"word_eval_hint_use_1_and_0", "Use 1 and 0.", 0},
      {"word_eval_tensor_of_tensors", "torch.tensor of a list of tensors", 0},
      {"word_eval_hint_use_stack", "Use torch.stack to join tensors.", 0},
      {"word_eval_an_assignment", "an assignment", 0},
      {"word_eval_the_result", "the result", 0},
      {"word_eval_rebinding_torch", "rebinding the name torch", 0},
      {"word_eval_hint_use_torch_functions", "Use torch functions.", 0},
      {"word_eval_hint_lab_is_about_tensors", "This lab is about tensors.", 0},
      {"word_eval_this_expression", "this expression", 0},
      {"word_eval_hint_three_dtypes", "The engine has torch.float32, torch.float64 and torch.int64.", 0},
      {"word_eval_transpose_more_than_2d", "x.T on a tensor with more than 2 dims", 0},
      {"word_eval_hint_use_permute", "Use permute().", 0},
      {"word_eval_repeating_sequences", "repeating a list or string with *", 0},
      {"word_eval_hint_write_elements_out", "Write the elements out, or use torch.full.", 0},
      {"word_eval_complex_power", "complex numbers (a negative number to a fractional power)", 0},
      {"word_eval_negative_integer_powers", "an integer tensor to a tensor of negative integer powers", 0},
      {"word_eval_hint_float_base_first", "Convert the base with .float() first.", 0},
      {"word_eval_inplace_matmul", "in-place matrix product (@=)", 0},
      {"word_eval_hint_write_matmul", "Write x = x @ y.", 0},
      {"word_eval_index_with_bools", "indexing with True/False", 0},
      {"word_eval_nested_index_lists", "nested lists as an index", 0},
      {"word_eval_hint_one_list_of_ints", "Index with one list of ints.", 0},
      {"word_eval_index_tensor_2d", "indexing with a tensor of more than one dimension", 0},
      {"word_eval_two_index_lists", "more than one index list in one index (x[[0, 1], [1, 2]])", 0},
      {"word_eval_hint_one_list_at_a_time", "Index with one list at a time.", 0},
  };
  return table;
}

const MessageTemplate* find_message(std::string_view code) {
  const auto& table = message_templates();
  auto it = std::find_if(table.begin(), table.end(), [code](const MessageTemplate& m) { return code == m.code; });
  return it == table.end() ? nullptr : &*it;
}

std::string format_message(std::string_view code, const std::vector<std::string>& args) {
  const MessageTemplate* m = find_message(code);
  if (!m) {
    std::string out(code);
    for (const std::string& a : args) out.append(1, ' ').append(a);
    return out;
  }
  // One pass, so that an argument containing "%2" is never substituted again.
  std::string out;
  const std::string_view text = m->english;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const std::size_t k = static_cast<std::size_t>(text[i + 1] - '1');
      if (k < args.size()) {
        out += args[k];
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

Error coded_error(const std::string& code, std::vector<std::string> args, const std::string& torch_message) {
  const std::string text = format_message(code, args);
  Error e = torch_message.empty() ? Error(text) : Error(text, torch_message);
  return std::move(e).with_code(code, std::move(args));
}

}  // namespace gs
