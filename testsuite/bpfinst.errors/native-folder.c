/* A native half that is a folder.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-native=@TESTDIR@" } */
/* { dg-error "bpfinst: native half /\[^\n\]*bpfinst.errors is a folder, not an ELF shared object or an ar archive" "folder native" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
