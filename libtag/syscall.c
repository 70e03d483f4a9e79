/* syscall.c - system-call interception for event_before_syscall.

   When the native half defines event_before_syscall (found through a weak
   reference), a constructor turns on interception of every system call of
   the calling thread, and every thread and child process created later:

   - Syscall User Dispatch (Linux 5.11+): each thread registers a selector
     byte; while it says BLOCK, a system call made from outside the
     runtime's trampoline (syscall-tramp.S) raises SIGSYS instead of
     running;
   - otherwise a seccomp filter that returns SECCOMP_RET_TRAP for every
     system call whose instruction pointer is outside the trampoline.

   The SIGSYS handler reads the number and arguments from the interrupted
   registers, calls the hook (unless it is already running on this thread),
   and either stores the hook's result or makes the call through the
   trampoline.  A few calls need more than that (signal return, signal
   masks, SIGSYS's own disposition, process and thread creation): see
   SYSCALLS.md.  */

#define _GNU_SOURCE 1

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "bpfinst/native.h"

#pragma weak event_before_syscall

#ifndef PR_SET_SYSCALL_USER_DISPATCH
# define PR_SET_SYSCALL_USER_DISPATCH 59
# define PR_SYS_DISPATCH_OFF 0
# define PR_SYS_DISPATCH_ON 1
#endif
#ifndef SYSCALL_DISPATCH_FILTER_ALLOW
# define SYSCALL_DISPATCH_FILTER_ALLOW 0
# define SYSCALL_DISPATCH_FILTER_BLOCK 1
#endif
#ifndef SYS_USER_DISPATCH
# define SYS_USER_DISPATCH 2
#endif
#ifndef SYS_SECCOMP
# define SYS_SECCOMP 1
#endif
#ifndef SA_RESTORER
# define SA_RESTORER 0x04000000
#endif
#ifndef CLONE_VM
# define CLONE_VM 0x00000100
#endif
#ifndef CLONE_VFORK
# define CLONE_VFORK 0x00004000
#endif

/* Our filter's SECCOMP_RET_DATA: it comes back as si_errno and tells our
   traps from those of another filter.  */
#define BPFINST_TRAP_MARK 0x5bfu

/* ------------------------------------------------------------------------
   Architecture: where the number, the arguments and the result live in the
   interrupted context (UC_*), the register block __bpfinst_clone_stub
   loads (UC_REGS), the address a clone child resumes at (UC_RESUME), and
   whether the kernel takes an sa_restorer (KSA_RESTORER).  Without one
   (riscv64) the SIGSYS handler ends with its own rt_sigreturn
   (__bpfinst_sigreturn_frame) instead of returning.  */

#if defined __x86_64__
# define ARCH_SUPPORTED 1
# define ARCH_AUDIT AUDIT_ARCH_X86_64
# define UC_NR(uc) ((uc)->uc_mcontext.gregs[REG_RAX])
# define UC_ARG(uc, i) \
  ((uc)->uc_mcontext.gregs[(const int[]) { REG_RDI, REG_RSI, REG_RDX, \
					    REG_R10, REG_R8, REG_R9 }[i]])
# define UC_RESULT(uc) ((uc)->uc_mcontext.gregs[REG_RAX])
# define UC_PC(uc) ((uc)->uc_mcontext.gregs[REG_RIP])
# define UC_SP(uc) ((uc)->uc_mcontext.gregs[REG_RSP])
# define UC_REGS(uc) ((const void *) (uc)->uc_mcontext.gregs)
# define UC_RESUME(uc) ((unsigned long) UC_PC (uc))
# define KSA_RESTORER 1
#elif defined __aarch64__
# define ARCH_SUPPORTED 1
# define ARCH_AUDIT AUDIT_ARCH_AARCH64
# define UC_NR(uc) ((uc)->uc_mcontext.regs[8])
# define UC_ARG(uc, i) ((uc)->uc_mcontext.regs[i])
# define UC_RESULT(uc) ((uc)->uc_mcontext.regs[0])
# define UC_PC(uc) ((uc)->uc_mcontext.pc)
# define UC_SP(uc) ((uc)->uc_mcontext.sp)
# define UC_REGS(uc) ((const void *) (uc)->uc_mcontext.regs)
# define UC_RESUME(uc) ((unsigned long) UC_PC (uc))
# define KSA_RESTORER 1
#elif defined __riscv && __riscv_xlen == 64
# define ARCH_SUPPORTED 1
# define ARCH_AUDIT AUDIT_ARCH_RISCV64
# define UC_NR(uc) ((uc)->uc_mcontext.__gregs[17])		/* a7 */
# define UC_ARG(uc, i) ((uc)->uc_mcontext.__gregs[10 + (i)])	/* a0.. */
# define UC_RESULT(uc) ((uc)->uc_mcontext.__gregs[10])
# define UC_PC(uc) ((uc)->uc_mcontext.__gregs[0])
# define UC_SP(uc) ((uc)->uc_mcontext.__gregs[2])
# define UC_REGS(uc) ((const void *) (uc)->uc_mcontext.__gregs)
# define UC_RESUME(uc) ((unsigned long) UC_PC (uc))
# define KSA_RESTORER 0
#elif defined __arm__ && defined __ARM_EABI__
# define ARCH_SUPPORTED 1
# define ARCH_AUDIT AUDIT_ARCH_ARM
# define UC_NR(uc) ((uc)->uc_mcontext.arm_r7)
# define UC_ARG(uc, i) \
  ((&(uc)->uc_mcontext.arm_r0)[i])	/* r0..r5 are consecutive */
# define UC_RESULT(uc) ((uc)->uc_mcontext.arm_r0)
# define UC_PC(uc) ((uc)->uc_mcontext.arm_pc)
# define UC_SP(uc) ((uc)->uc_mcontext.arm_sp)
/* r0..r12, sp, lr, pc, cpsr are consecutive.  */
# define UC_REGS(uc) ((const void *) &(uc)->uc_mcontext.arm_r0)
/* CPSR: the Thumb state bit, and the If-Then state bits.  */
# define CPSR_T 0x20ul
# define CPSR_IT 0x0600fc00ul
# define UC_RESUME(uc) \
  ((unsigned long) UC_PC (uc) | ((uc)->uc_mcontext.arm_cpsr & CPSR_T ? 1 : 0))
# define KSA_RESTORER 1
#else
# define ARCH_SUPPORTED 0
#endif

#if ARCH_SUPPORTED
/* syscall-tramp.c */
extern const char __bpfinst_tramp_start[], __bpfinst_tramp_end[];
extern const char __bpfinst_sigreturn_insn[];
# if KSA_RESTORER
extern void __bpfinst_restorer (void);
# else
extern void __bpfinst_sigreturn_frame (void *frame)
  __attribute__ ((noreturn));
# endif
long __bpfinst_raw_syscall (long nr, long a1, long a2, long a3, long a4,
			    long a5, long a6);
long __bpfinst_clone_stub (long nr, const void *regs, unsigned long child_sp,
			   unsigned long resume);

/* The type of an interrupted register.  */
typedef __typeof__ (UC_RESULT ((ucontext_t *) 0)) ureg;
#endif

void __bpfinst_syscall_child_start (void)
  __attribute__ ((visibility ("hidden")));
void __bpfinst_syscall_init (void);

/* ------------------------------------------------------------------------
   State.  */

enum mechanism { MECH_NONE, MECH_SUD, MECH_SECCOMP };

static enum mechanism mech __attribute__ ((unused));

/* One per thread.  Initial-exec: the SIGSYS handler must reach it without
   a call that could allocate (and so make system calls).  */
struct thread_state
{
  volatile unsigned char selector;	/* Syscall User Dispatch selector */
  volatile unsigned char in_hook;
};
static __thread struct thread_state tstate
  __attribute__ ((tls_model ("initial-exec"), unused));

/* A kernel signal set of 64 signals (the size the raw calls pass):
   unsigned long words, signal 1 in bit 0 of the first.  */
#define KSET_WORDS (8 / sizeof (unsigned long))
typedef struct { unsigned long w[KSET_WORDS]; } kset;

static uint64_t __attribute__ ((unused))
kset_get (const void *p)
{
  kset k;
  uint64_t m = 0;
  memcpy (&k, p, sizeof k);
  for (size_t i = 0; i < KSET_WORDS; i++)
    m |= (uint64_t) k.w[i] << (i * 8 * sizeof (unsigned long));
  return m;
}

static void __attribute__ ((unused))
kset_put (void *p, uint64_t m)
{
  kset k;
  for (size_t i = 0; i < KSET_WORDS; i++)
    k.w[i] = (unsigned long) (m >> (i * 8 * sizeof (unsigned long)));
  memcpy (p, &k, sizeof k);
}

/* The program's own SIGSYS disposition, kept aside (kernel layout).  */
struct ksigaction
{
  void *handler;
  unsigned long flags;
#if !defined KSA_RESTORER || KSA_RESTORER
  void *restorer;
#endif
  kset mask;
};
static struct ksigaction program_sigsys __attribute__ ((unused));

#define SIGBIT(s) (1ull << ((s) - 1))

#if ARCH_SUPPORTED

static long
raw (long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
  return __bpfinst_raw_syscall (nr, a1, a2, a3, a4, a5, a6);
}

static int
sud_register (void)
{
  tstate.selector = SYSCALL_DISPATCH_FILTER_BLOCK;
  long r = raw (SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
		(long) __bpfinst_tramp_start,
		(long) (__bpfinst_tramp_end - __bpfinst_tramp_start),
		(long) &tstate.selector, 0);
  if (r != 0)
    tstate.selector = SYSCALL_DISPATCH_FILTER_ALLOW;
  return (int) r;
}

/* A new thread (or a child sharing memory), before it runs program code.
   Syscall User Dispatch is per thread and not inherited.  */
void
__bpfinst_syscall_child_start (void)
{
  tstate.in_hook = 0;
  if (mech == MECH_SUD)
    sud_register ();
}

/* A forked child, still in the SIGSYS handler.  */
static void
child_after_fork (void)
{
  tstate.in_hook = 0;
  if (mech == MECH_SUD)
    sud_register ();
}

/* Hand a SIGSYS that is not ours to the program's disposition.  */
static void
forward_sigsys (int sig, siginfo_t *si, void *uc)
{
  struct ksigaction a = program_sigsys;
  if (a.handler == (void *) SIG_IGN)
    return;
  if (a.handler == (void *) SIG_DFL)
    {
      struct ksigaction dfl;
      memset (&dfl, 0, sizeof dfl);
      dfl.handler = (void *) SIG_DFL;
      raw (SYS_rt_sigaction, SIGSYS, (long) &dfl, 0, 8, 0, 0);
      raw (SYS_tgkill, raw (SYS_getpid, 0, 0, 0, 0, 0, 0),
	   raw (SYS_gettid, 0, 0, 0, 0, 0, 0), SIGSYS, 0, 0, 0);
      return;
    }
  if (a.flags & SA_SIGINFO)
    ((void (*) (int, siginfo_t *, void *)) a.handler) (sig, si, uc);
  else
    ((void (*) (int)) a.handler) (sig);
}

/* Is SP, a child's stack pointer, the program's own stack?  glibc's vfork
   on aarch64 and riscv64 is a clone with CLONE_VM | CLONE_VFORK and the
   caller's stack pointer, just above the SIGSYS handler's frames: such a
   child is made a plain fork child, like vfork's.  */
static int
own_stack (const ucontext_t *uc, unsigned long sp)
{
  unsigned long cur = (unsigned long) UC_SP (uc);
  unsigned long near = 65536;
  return sp - (cur - near) <= 2 * near;
}

/* Make the intercepted call NR with arguments A for the context UC, and
   store its result there.  */
static void
perform (long nr, long a[6], ucontext_t *uc)
{
  long r;

  switch (nr)
    {
    case SYS_rt_sigreturn:
#ifdef SYS_sigreturn
    case SYS_sigreturn:
#endif
      /* Resume at a syscall instruction of the trampoline with the
	 program's registers: the kernel then finds the program's signal
	 frame where it expects it.  */
      UC_PC (uc) = (ureg) __bpfinst_sigreturn_insn;
      UC_NR (uc) = (ureg) nr;
#ifdef CPSR_T
      /* The trampoline is ARM code.  */
      uc->uc_mcontext.arm_cpsr &= ~(CPSR_T | CPSR_IT);
#endif
      return;

    case SYS_rt_sigprocmask:
      /* The mask to restore is the one in UC: apply the call to the
	 current mask (which is that one), read the outcome back, and keep
	 SIGSYS deliverable.  */
      r = raw (nr, a[0], a[1], a[2], a[3], 0, 0);
      if (r == 0 && a[3] == 8)
	{
	  kset cur, sys;
	  kset_put (&cur, 0);
	  raw (SYS_rt_sigprocmask, SIG_BLOCK, 0, (long) &cur, 8, 0, 0);
	  kset_put (&uc->uc_sigmask, kset_get (&cur) & ~SIGBIT (SIGSYS));
	  kset_put (&sys, SIGBIT (SIGSYS));
	  raw (SYS_rt_sigprocmask, SIG_UNBLOCK, (long) &sys, 0, 8, 0, 0);
	}
      break;

    case SYS_rt_sigaction:
      if (a[3] != 8)
	{
	  r = raw (nr, a[0], a[1], a[2], a[3], 0, 0);
	  break;
	}
      if (a[0] == SIGSYS)
	{
	  /* Keep our handler; remember the program's.  */
	  struct ksigaction old = program_sigsys;
	  if (a[1])
	    memcpy (&program_sigsys, (const void *) a[1], sizeof program_sigsys);
	  if (a[2])
	    memcpy ((void *) a[2], &old, sizeof old);
	  r = 0;
	  break;
	}
      if (a[1])
	{
	  /* A handler that blocks SIGSYS could make no system call.  */
	  struct ksigaction act;
	  memcpy (&act, (const void *) a[1], sizeof act);
	  kset_put (&act.mask, kset_get (&act.mask) & ~SIGBIT (SIGSYS));
	  r = raw (nr, a[0], (long) &act, a[2], a[3], 0, 0);
	}
      else
	r = raw (nr, a[0], a[1], a[2], a[3], 0, 0);
      break;

    case SYS_rt_sigsuspend:
#ifdef SYS_ppoll
    case SYS_ppoll:
#endif
#ifdef SYS_ppoll_time64
    case SYS_ppoll_time64:
#endif
      {
	int mi = nr == SYS_rt_sigsuspend ? 0 : 3;
	if (a[mi] && a[mi + 1] == 8)
	  {
	    kset m;
	    kset_put (&m, kset_get ((const void *) a[mi]) & ~SIGBIT (SIGSYS));
	    long b[6];
	    memcpy (b, a, sizeof b);
	    b[mi] = (long) &m;
	    r = raw (nr, b[0], b[1], b[2], b[3], b[4], b[5]);
	  }
	else
	  r = raw (nr, a[0], a[1], a[2], a[3], a[4], a[5]);
      }
      break;

#if defined SYS_vfork && defined SYS_fork
    case SYS_vfork:
      /* The child would share the handler's stack with its parent: make
	 it an ordinary fork, which a conforming vfork child cannot tell.  */
      r = raw (SYS_fork, 0, 0, 0, 0, 0, 0);
      if (r == 0)
	child_after_fork ();
      break;
#endif

#ifdef SYS_fork
    case SYS_fork:
      r = raw (nr, 0, 0, 0, 0, 0, 0);
      if (r == 0)
	child_after_fork ();
      break;
#endif

    case SYS_clone:
      if (a[1] && !own_stack (uc, (unsigned long) a[1]))
	r = __bpfinst_clone_stub (nr, UC_REGS (uc), (unsigned long) a[1],
				  UC_RESUME (uc));
      else
	{
	  long flags = a[0];
	  if (flags & CLONE_VM)
	    flags &= ~(long) (CLONE_VM | CLONE_VFORK);
	  r = raw (nr, flags, 0, a[2], a[3], a[4], a[5]);
	  if (r == 0)
	    child_after_fork ();
	}
      break;

#ifdef SYS_clone3
    case SYS_clone3:
      {
	/* struct clone_args: flags, pidfd, child_tid, parent_tid,
	   exit_signal, stack, stack_size, tls, ...  */
	uint64_t ca[11];
	size_t size = (size_t) a[1];
	if (a[0] == 0 || size < 64 || size > sizeof ca)
	  {
	    r = raw (nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	    if (r == 0)
	      child_after_fork ();
	    break;
	  }
	memcpy (ca, (const void *) a[0], size);
	if (ca[5] && !own_stack (uc, (unsigned long) (ca[5] + ca[6])))
	  r = __bpfinst_clone_stub (nr, UC_REGS (uc),
				    (unsigned long) (ca[5] + ca[6]),
				    UC_RESUME (uc));
	else
	  {
	    if (ca[0] & CLONE_VM)
	      ca[0] &= ~(uint64_t) (CLONE_VM | CLONE_VFORK);
	    ca[5] = ca[6] = 0;
	    r = raw (nr, (long) ca, a[1], 0, 0, 0, 0);
	    if (r == 0)
	      child_after_fork ();
	  }
      }
      break;
#endif

    case SYS_execve:
    case SYS_execveat:
      if (mech == MECH_SECCOMP)
	{
	  /* The filter would stay on the new image, which has no handler
	     when its loader makes its first system call: it would die of
	     SIGSYS.  Refuse the exec, and say why.  */
	  static const char msg[] =
	    "bpfinst: exec refused under the seccomp fallback (the filter "
	    "would kill the new image)\n";
	  raw (SYS_write, 2, (long) msg, sizeof msg - 1, 0, 0, 0);
	  r = -EPERM;
	  break;
	}
      r = raw (nr, a[0], a[1], a[2], a[3], a[4], a[5]);
      break;

    default:
      r = raw (nr, a[0], a[1], a[2], a[3], a[4], a[5]);
      break;
    }
  UC_RESULT (uc) = (ureg) r;
}

static void
sigsys_handler (int sig, siginfo_t *si, void *ucv)
{
  ucontext_t *uc = ucv;
  struct thread_state *t = &tstate;

  if (!((mech == MECH_SUD && si->si_code == SYS_USER_DISPATCH)
	|| (mech == MECH_SECCOMP && si->si_code == SYS_SECCOMP
	    && (unsigned) si->si_errno == BPFINST_TRAP_MARK)))
    {
      if (mech == MECH_SUD)
	t->selector = SYSCALL_DISPATCH_FILTER_BLOCK;
      forward_sigsys (sig, si, ucv);
      return;
    }

  /* From here on, this thread's system calls go through.  */
  t->selector = SYSCALL_DISPATCH_FILTER_ALLOW;

  long nr = (long) si->si_syscall;
  long a[6];
  for (int i = 0; i < 6; i++)
    a[i] = (long) UC_ARG (uc, i);

  if (!t->in_hook)
    {
      int saved_errno = errno;
      uint32_t drop = 0;
      t->in_hook = 1;
      uint64_t r = event_before_syscall ((uint32_t) nr, &drop,
					 (uint64_t) a[0], (uint64_t) a[1],
					 (uint64_t) a[2], (uint64_t) a[3],
					 (uint64_t) a[4], (uint64_t) a[5]);
      t->in_hook = 0;
      errno = saved_errno;
      if (drop)
	{
	  UC_RESULT (uc) = (ureg) r;
	  if (mech == MECH_SUD)
	    t->selector = SYSCALL_DISPATCH_FILTER_BLOCK;
	  return;
	}
    }

  /* Signal handlers of the program that run during a blocking call are
     intercepted again.  */
  if (mech == MECH_SUD)
    t->selector = SYSCALL_DISPATCH_FILTER_BLOCK;
  perform (nr, a, uc);
}

#if !KSA_RESTORER
/* No sa_restorer: return through the trampoline's own rt_sigreturn.  The
   signal frame starts with the siginfo the handler received.  */
static void
sigsys_entry (int sig, siginfo_t *si, void *ucv)
{
  sigsys_handler (sig, si, ucv);
  __bpfinst_sigreturn_frame (si);
}
#else
# define sigsys_entry sigsys_handler
#endif

static const char *
install_sud (void)
{
  if (sud_register () != 0)
    return "Syscall User Dispatch unavailable";
  return NULL;
}

static const char *
install_seccomp (void)
{
  uint64_t lo = (uintptr_t) __bpfinst_tramp_start;
  uint64_t hi = (uintptr_t) __bpfinst_tramp_end;
  if ((uint32_t) (lo >> 32) != (uint32_t) (hi >> 32))
    return "trampoline crosses a 4 GiB boundary";
  /* The two 32-bit halves of seccomp_data.instruction_pointer.  */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  const uint32_t ip_lo = offsetof (struct seccomp_data, instruction_pointer) + 4;
  const uint32_t ip_hi = offsetof (struct seccomp_data, instruction_pointer);
#else
  const uint32_t ip_lo = offsetof (struct seccomp_data, instruction_pointer);
  const uint32_t ip_hi = offsetof (struct seccomp_data, instruction_pointer) + 4;
#endif

  struct sock_filter f[] = {
    /* Other ABIs (i386, x32 numbers; aarch32 on aarch64) are not
       intercepted.  */
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, offsetof (struct seccomp_data, arch)),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, ARCH_AUDIT, 0, 5),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, ip_hi),
    BPF_JUMP (BPF_JMP | BPF_JEQ | BPF_K, (uint32_t) (lo >> 32), 0, 4),
    BPF_STMT (BPF_LD | BPF_W | BPF_ABS, ip_lo),
    BPF_JUMP (BPF_JMP | BPF_JGE | BPF_K, (uint32_t) lo, 0, 2),
    BPF_JUMP (BPF_JMP | BPF_JGE | BPF_K, (uint32_t) hi, 1, 0),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT (BPF_RET | BPF_K, SECCOMP_RET_TRAP | BPFINST_TRAP_MARK),
  };
  struct sock_fprog prog = { sizeof f / sizeof f[0], f };

  /* Without CAP_SYS_ADMIN a filter needs no_new_privs.  */
  long r = raw (SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (long) &prog,
		0, 0, 0);
  if (r == -EACCES)
    {
      raw (SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0);
      r = raw (SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, (long) &prog,
	       0, 0, 0);
    }
  if (r != 0)
    return "seccomp filter refused";
  return NULL;
}

#endif /* ARCH_SUPPORTED */

/* Are system calls emulated?  An emulator running the program
   (qemu-user) implements neither seccomp nor Syscall User Dispatch: there
   the seccomp system call fails with ENOSYS, and PR_GET_SECCOMP, which
   every Linux kernel since 2.6.23 answers, fails with EINVAL.  Neither
   probe changes anything.  */
static const char *
emulated_reason (void)
{
#if defined SYS_seccomp && defined SECCOMP_GET_ACTION_AVAIL
  uint32_t action = SECCOMP_RET_TRAP;
  long r = syscall (SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action);
  if (r != 0 && errno == ENOSYS
      && prctl (PR_GET_SECCOMP, 0, 0, 0, 0) < 0 && errno == EINVAL)
    return "system calls are emulated, by qemu-user or the like, without "
	   "seccomp or Syscall User Dispatch";
#endif
  return NULL;
}

static void
failure (const char *why)
{
  const char *f = getenv ("BPFINST_SYSCALL_FAILURE");
  int stop = f && strcmp (f, "abort") == 0;
  fprintf (stderr, "bpfinst: cannot intercept system calls (%s): %s\n", why,
	   stop ? "stopping" : "running without event_before_syscall");
  if (stop)
    abort ();
}

/* Process-wide: several instrumented objects in one process install
   interception once.  */
static int installed;

/* Referenced by the specs file (-u) so that this member is linked into
   every instrumented executable.  */
__attribute__ ((constructor (101))) void
__bpfinst_syscall_init (void)
{
  if (!event_before_syscall || installed)
    return;
  installed = 1;

  const char *m = getenv ("BPFINST_SYSCALL_MECHANISM");
  int want_sud = 1, want_seccomp = 1;
  if (m && *m && strcmp (m, "auto") != 0)
    {
      want_sud = strcmp (m, "sud") == 0;
      want_seccomp = strcmp (m, "seccomp") == 0;
      if (strcmp (m, "none") == 0)
	return;
      if (!want_sud && !want_seccomp)
	{
	  fprintf (stderr, "bpfinst: BPFINST_SYSCALL_MECHANISM=%s: expected "
		   "auto, sud, seccomp or none\n", m);
	  want_sud = want_seccomp = 1;
	}
    }

#if ARCH_SUPPORTED
  struct ksigaction act;
  memset (&act, 0, sizeof act);
  act.handler = (void *) sigsys_entry;
  act.flags = SA_SIGINFO | SA_NODEFER;
#if KSA_RESTORER
  act.flags |= SA_RESTORER;
  act.restorer = (void *) __bpfinst_restorer;
#endif
  raw (SYS_rt_sigaction, SIGSYS, (long) &act, (long) &program_sigsys, 8,
       0, 0);
  /* SIGSYS must stay deliverable.  */
  kset sys;
  kset_put (&sys, SIGBIT (SIGSYS));
  raw (SYS_rt_sigprocmask, SIG_UNBLOCK, (long) &sys, 0, 8, 0, 0);

  const char *why = NULL;
  if (want_sud)
    {
      why = install_sud ();
      if (!why)
	{
	  mech = MECH_SUD;
	  return;
	}
    }
  if (want_seccomp)
    {
      /* The handler must know the mechanism before the first trap.  */
      const char *why_sud = why;
      mech = MECH_SECCOMP;
      why = install_seccomp ();
      if (!why)
	return;
      mech = MECH_NONE;
      if (why_sud)
	why = "Syscall User Dispatch unavailable, seccomp filter refused";
    }
  raw (SYS_rt_sigaction, SIGSYS, (long) &program_sigsys, 0, 8, 0, 0);
  const char *emulated = emulated_reason ();
  failure (emulated ? emulated : why);
#else
  (void) want_sud;
  (void) want_seccomp;
  const char *emulated = emulated_reason ();
  failure (emulated ? emulated
	   : "no Syscall User Dispatch or seccomp support for this "
	     "architecture in the runtime");
#endif
}
