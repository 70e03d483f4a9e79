// C++ names in instrument lists (select.exp): "fun:" patterns match the
// unqualified name, the qualified name and the mangled name.
namespace ns
{
  struct klass
  {
    int method (int a);
  };
}

int
ns::klass::method (int a)
{
  return a + 7;
}

int
free_function (int a)
{
  return a + 7;
}
