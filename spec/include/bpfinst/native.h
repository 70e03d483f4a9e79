/* bpfinst/native.h - the native half of an instrumenter (host C code linked
   into the instrumented program).  */

#ifndef BPFINST_NATIVE_H
#define BPFINST_NATIVE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Defined by the native half.  Called by the BPF half's slow_call (FUNCT);
   its result is slow_call's result.  Further arguments travel through
   global variables the native half defines and the BPF half declares
   extern.  */
uint64_t event_dispatch_slow_call (uint64_t funct);

/* Optionally defined by the native half.  Called before every system call
   the process makes (libc's included), on the calling thread, with the host
   system call number NUM and its six raw arguments.  Setting *DROP_SYSCALL
   to nonzero skips the call, and the return value becomes its raw result;
   otherwise the return value is ignored.  System calls made while this
   function runs do not re-enter it.  */
uint64_t event_before_syscall (uint32_t num, uint32_t *drop_syscall,
			       uint64_t a1, uint64_t a2, uint64_t a3,
			       uint64_t a4, uint64_t a5, uint64_t a6);

/* Provided by the engine.  Map a program ("guest") address, or a physical
   address, to an address the native half can dereference.  The names are
   spelled as in the engine-neutral contract.  In a compile-time engine the
   program runs natively and both are the identity.  */
uint64_t guest_to_host_addrress (uint64_t addr);
uint64_t physical_to_host_addrress (uint64_t addr);

/* Never defined nor used: a translation unit that declares it is a native
   half, which an engine that instruments at compile time (GCCInst) leaves
   alone even when it is built with the instrumenting compiler.  */
extern const char __bpfinst_native_half;

#ifdef __cplusplus
}
#endif

#endif /* BPFINST_NATIVE_H */
