/* A native half that is a C source file (this one).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-native=@TESTDIR@/native-source.c" } */
/* { dg-error "bpfinst: native half /\[^\n\]*/native-source.c is neither an ELF file nor an ar archive: it must be an ELF shared object or an ar archive" "source native" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
