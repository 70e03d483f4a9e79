/* An instrumented shared library (built -fPIC -shared with the plugin).  */
__attribute__ ((noinline)) int lib_add (int a, int b) { return a + b; }
int lib_apply (int (*f) (int, int), int a, int b) { return f (a, b) + 1; }
