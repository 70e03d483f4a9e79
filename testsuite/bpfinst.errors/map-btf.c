/* A map in an object without BTF.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-no-btf.bpf.c" clang } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': no BTF describes it \\(build the BPF half with clang -g or bpf-gcc -gbtf\\)" "no BTF" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
