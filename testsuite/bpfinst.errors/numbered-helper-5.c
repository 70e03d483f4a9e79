/* A kernel helper by number that GCCInst lacks.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "numbered-helper.bpf.c" clang } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: unknown helper 'number 5' \\(of the kernel's numbered helpers, only bpf_map_lookup_elem, 1, bpf_map_update_elem, 2, and bpf_map_delete_elem, 3, are supported\\)" "numbered helper" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
