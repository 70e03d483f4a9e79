/* syscall-tramp.c - the runtime's own system-call instructions.

   System calls made from the address range [__bpfinst_tramp_start,
   __bpfinst_tramp_end) are the ones the interception lets through: it is
   the allowed region of Syscall User Dispatch and the instruction-pointer
   range the seccomp filter accepts.  Everything that must reach the kernel
   unintercepted (the intercepted call itself, the signal return of the
   SIGSYS handler, thread creation) runs one of these stubs.  */

/* Top-level assembly in a C file: the build needs no assembler rule.  */

#if defined __x86_64__

__asm__ (
  "\t.text\n"
  "\t.balign\t64\n"
  "\t.globl\t__bpfinst_tramp_start\n"
  "\t.hidden\t__bpfinst_tramp_start\n"
  "__bpfinst_tramp_start:\n"
  /* long __bpfinst_raw_syscall (long nr, long a1, ..., long a6)  */
  "\t.globl\t__bpfinst_raw_syscall\n"
  "\t.hidden\t__bpfinst_raw_syscall\n"
  "\t.type\t__bpfinst_raw_syscall, @function\n"
  "__bpfinst_raw_syscall:\n"
  "\t.cfi_startproc\n"
  "\tmovq\t%rdi, %rax\n"
  "\tmovq\t%rsi, %rdi\n"
  "\tmovq\t%rdx, %rsi\n"
  "\tmovq\t%rcx, %rdx\n"
  "\tmovq\t%r8, %r10\n"
  "\tmovq\t%r9, %r8\n"
  "\tmovq\t8(%rsp), %r9\n"
  "\tsyscall\n"
  "\tret\n"
  "\t.cfi_endproc\n"
  "\t.size\t__bpfinst_raw_syscall, .-__bpfinst_raw_syscall\n"
  /* The SIGSYS handler's sa_restorer.  */
  "\t.globl\t__bpfinst_restorer\n"
  "\t.hidden\t__bpfinst_restorer\n"
  "\t.type\t__bpfinst_restorer, @function\n"
  "__bpfinst_restorer:\n"
  "\tmovq\t$15, %rax\t\t\n"
  /* rt_sigreturn */
  "\tsyscall\n"
  "\thlt\n"
  "\t.size\t__bpfinst_restorer, .-__bpfinst_restorer\n"
  /* A bare system call: an intercepted rt_sigreturn resumes here (with the
     program's registers, %rax = 15) so that the kernel sees it coming from
     the allowed region.  rt_sigreturn does not return.  */
  "\t.globl\t__bpfinst_sigreturn_insn\n"
  "\t.hidden\t__bpfinst_sigreturn_insn\n"
  "__bpfinst_sigreturn_insn:\n"
  "\tsyscall\n"
  "\thlt\n"
  /* long __bpfinst_clone_stub (long nr, const long *regs, unsigned long child_sp,
  			      unsigned long resume)
  
     Makes a clone/clone3 that gives the child a new stack.  REGS is the
     program's register set (ucontext gregs order).  The child starts with the
     program's registers, calls __bpfinst_syscall_child_start, and jumps to
     RESUME (the instruction after the program's own syscall) with %rax = 0;
     the parent returns the result here.  */
  "\t.globl\t__bpfinst_clone_stub\n"
  "\t.hidden\t__bpfinst_clone_stub\n"
  "\t.type\t__bpfinst_clone_stub, @function\n"
  "__bpfinst_clone_stub:\n"
  "\t.cfi_startproc\n"
  "\tpushq\t%rbx\n"
  "\tpushq\t%rbp\n"
  "\tpushq\t%r12\n"
  "\tpushq\t%r13\n"
  "\tpushq\t%r14\n"
  "\tpushq\t%r15\n"
  /* The child's return address, just under its stack pointer.  */
  "\tmovq\t%rcx, -8(%rdx)\n"
  "\tmovq\t%rdi, %rax\n"
  "\tmovq\t%rsi, %r11\n"
  /* gregs indices: R8 0, R9 1, R10 2, R11 3, R12 4, R13 5, R14 6, R15 7,
  	   RDI 8, RSI 9, RBP 10, RBX 11, RDX 12.  */
  "\tmovq\t0(%r11), %r8\n"
  "\tmovq\t8(%r11), %r9\n"
  "\tmovq\t16(%r11), %r10\n"
  "\tmovq\t32(%r11), %r12\n"
  "\tmovq\t40(%r11), %r13\n"
  "\tmovq\t48(%r11), %r14\n"
  "\tmovq\t56(%r11), %r15\n"
  "\tmovq\t64(%r11), %rdi\n"
  "\tmovq\t72(%r11), %rsi\n"
  "\tmovq\t80(%r11), %rbp\n"
  "\tmovq\t88(%r11), %rbx\n"
  "\tmovq\t96(%r11), %rdx\n"
  "\tsyscall\n"
  "\ttestq\t%rax, %rax\n"
  "\tjz\t1f\n"
  "\tpopq\t%r15\n"
  "\tpopq\t%r14\n"
  "\tpopq\t%r13\n"
  "\tpopq\t%r12\n"
  "\tpopq\t%rbp\n"
  "\tpopq\t%rbx\n"
  "\tret\n"
  "1:\t\n"
  /* The child, on its new stack: [%rsp - 8] holds RESUME.  */
  "\tleaq\t-8(%rsp), %rsp\n"
  "\tpushq\t%rdi\n"
  "\tpushq\t%rsi\n"
  "\tpushq\t%rdx\n"
  "\tpushq\t%r8\n"
  "\tpushq\t%r9\n"
  "\tpushq\t%r10\n"
  "\tpushq\t%rbx\n"
  "\tmovq\t%rsp, %rbx\n"
  "\tandq\t$-16, %rsp\n"
  "\tcall\t__bpfinst_syscall_child_start\n"
  "\tmovq\t%rbx, %rsp\n"
  "\tpopq\t%rbx\n"
  "\tpopq\t%r10\n"
  "\tpopq\t%r9\n"
  "\tpopq\t%r8\n"
  "\tpopq\t%rdx\n"
  "\tpopq\t%rsi\n"
  "\tpopq\t%rdi\n"
  "\txorl\t%eax, %eax\n"
  "\tret\n"
  "\t.cfi_endproc\n"
  "\t.size\t__bpfinst_clone_stub, .-__bpfinst_clone_stub\n"
  "\t.globl\t__bpfinst_tramp_end\n"
  "\t.hidden\t__bpfinst_tramp_end\n"
  "__bpfinst_tramp_end:\n"
  "\thlt\n"
);

#else

/* Other architectures: no trampoline yet (syscall.c reports interception
   as unavailable there).  */
typedef int bpfinst_no_syscall_trampoline;

#endif
