/* A map field GCCInst does not know.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-pinning.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': field 'pinning' is not supported \\(only type, max_entries, key, value, key_size, value_size and map_flags are\\)" "unknown field" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
