// Nothing of its own: gradscope_test_support_ui exists to compile support/precompiled_ui.h once,
// for every suite of the app to reuse.
