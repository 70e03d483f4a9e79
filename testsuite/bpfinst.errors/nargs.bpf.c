/* inst_add with three parameters.  It does not include bpfinst/bpf.h,
   whose prototypes the compiler would enforce.  */
typedef unsigned long long uint64_t;

extern uint64_t slow_call (uint64_t funct);

void
inst_add (uint64_t a, uint64_t b, uint64_t c)
{
  slow_call (a + b + c);
}
