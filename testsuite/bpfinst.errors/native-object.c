/* A native half that is a relocatable object (the BPF half).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-native=@INST@" } */
/* { dg-error "bpfinst: native half /\[^\n\]*victim-\[a-z-\]*.o is an ELF relocatable object \\(build it with -shared, or put it in an archive\\): it must be an ELF shared object or an ar archive" "object native" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
