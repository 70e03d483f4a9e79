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

#elif defined __aarch64__

/* aarch64: svc #0, number in x8, arguments x0..x5, result in x0.  */
__asm__ (
  "\t.text\n"
  "\t.balign\t64\n"
  "\t.globl\t__bpfinst_tramp_start\n"
  "\t.hidden\t__bpfinst_tramp_start\n"
  "__bpfinst_tramp_start:\n"
  /* long __bpfinst_raw_syscall (long nr, long a1, ..., long a6)  */
  "\t.globl\t__bpfinst_raw_syscall\n"
  "\t.hidden\t__bpfinst_raw_syscall\n"
  "\t.type\t__bpfinst_raw_syscall, %function\n"
  "__bpfinst_raw_syscall:\n"
  "\t.cfi_startproc\n"
  "\tmov\tx8, x0\n"
  "\tmov\tx0, x1\n"
  "\tmov\tx1, x2\n"
  "\tmov\tx2, x3\n"
  "\tmov\tx3, x4\n"
  "\tmov\tx4, x5\n"
  "\tmov\tx5, x6\n"
  "\tsvc\t#0\n"
  "\tret\n"
  "\t.cfi_endproc\n"
  "\t.size\t__bpfinst_raw_syscall, .-__bpfinst_raw_syscall\n"
  /* The SIGSYS handler's sa_restorer: rt_sigreturn (139).  */
  "\t.globl\t__bpfinst_restorer\n"
  "\t.hidden\t__bpfinst_restorer\n"
  "\t.type\t__bpfinst_restorer, %function\n"
  "__bpfinst_restorer:\n"
  "\tmov\tx8, #139\n"
  "\tsvc\t#0\n"
  "\tbrk\t#0\n"
  "\t.size\t__bpfinst_restorer, .-__bpfinst_restorer\n"
  /* An intercepted rt_sigreturn resumes here with the program's
     registers (x8 = 139).  */
  "\t.globl\t__bpfinst_sigreturn_insn\n"
  "\t.hidden\t__bpfinst_sigreturn_insn\n"
  "__bpfinst_sigreturn_insn:\n"
  "\tsvc\t#0\n"
  "\tbrk\t#0\n"
  /* long __bpfinst_clone_stub (long nr, const unsigned long long *regs,
  			      unsigned long child_sp, unsigned long resume)

     REGS is the program's x0..x30 (uc_mcontext.regs).  The call is made
     with all of them loaded, so the child starts with the program's
     registers and CHILD_SP; it calls __bpfinst_syscall_child_start, then
     returns to RESUME with x0 = 0.  x30 (the link register, which no code
     can use after a clone that changed its stack) carries RESUME: "ret"
     rather than "br" keeps branch-target checks out of the way.  RESUME
     is kept just under CHILD_SP, which must be 16-byte aligned as the
     kernel interface requires.  */
  "\t.globl\t__bpfinst_clone_stub\n"
  "\t.hidden\t__bpfinst_clone_stub\n"
  "\t.type\t__bpfinst_clone_stub, %function\n"
  "__bpfinst_clone_stub:\n"
  "\t.cfi_startproc\n"
  "\tstp\tx29, x30, [sp, #-96]!\n"
  "\t.cfi_def_cfa_offset 96\n"
  "\t.cfi_offset 29, -96\n"
  "\t.cfi_offset 30, -88\n"
  "\tstp\tx19, x20, [sp, #16]\n"
  "\tstp\tx21, x22, [sp, #32]\n"
  "\tstp\tx23, x24, [sp, #48]\n"
  "\tstp\tx25, x26, [sp, #64]\n"
  "\tstp\tx27, x28, [sp, #80]\n"
  "\tstr\tx3, [x2, #-16]\n"
  "\tmov\tx16, x1\n"
  "\tldp\tx0, x1, [x16, #0]\n"
  "\tldp\tx2, x3, [x16, #16]\n"
  "\tldp\tx4, x5, [x16, #32]\n"
  "\tldp\tx6, x7, [x16, #48]\n"
  "\tldp\tx8, x9, [x16, #64]\n"
  "\tldp\tx10, x11, [x16, #80]\n"
  "\tldp\tx12, x13, [x16, #96]\n"
  "\tldp\tx14, x15, [x16, #112]\n"
  "\tldr\tx17, [x16, #136]\n"
  "\tldp\tx18, x19, [x16, #144]\n"
  "\tldp\tx20, x21, [x16, #160]\n"
  "\tldp\tx22, x23, [x16, #176]\n"
  "\tldp\tx24, x25, [x16, #192]\n"
  "\tldp\tx26, x27, [x16, #208]\n"
  "\tldp\tx28, x29, [x16, #224]\n"
  "\tldr\tx30, [x16, #240]\n"
  "\tldr\tx16, [x16, #128]\n"
  "\tsvc\t#0\n"
  "\tcbz\tx0, 1f\n"
  "\tldp\tx19, x20, [sp, #16]\n"
  "\tldp\tx21, x22, [sp, #32]\n"
  "\tldp\tx23, x24, [sp, #48]\n"
  "\tldp\tx25, x26, [sp, #64]\n"
  "\tldp\tx27, x28, [sp, #80]\n"
  "\tldp\tx29, x30, [sp], #96\n"
  "\tret\n"
  "1:\n"
  /* The child, on its new stack: [sp - 16] holds RESUME.  */
  "\tsub\tsp, sp, #176\n"
  "\tstp\tx1, x2, [sp, #0]\n"
  "\tstp\tx3, x4, [sp, #16]\n"
  "\tstp\tx5, x6, [sp, #32]\n"
  "\tstp\tx7, x8, [sp, #48]\n"
  "\tstp\tx9, x10, [sp, #64]\n"
  "\tstp\tx11, x12, [sp, #80]\n"
  "\tstp\tx13, x14, [sp, #96]\n"
  "\tstp\tx15, x16, [sp, #112]\n"
  "\tstp\tx17, x18, [sp, #128]\n"
  "\tmrs\tx1, nzcv\n"
  "\tstr\tx1, [sp, #144]\n"
  "\tbl\t__bpfinst_syscall_child_start\n"
  "\tldr\tx1, [sp, #144]\n"
  "\tmsr\tnzcv, x1\n"
  "\tldp\tx1, x2, [sp, #0]\n"
  "\tldp\tx3, x4, [sp, #16]\n"
  "\tldp\tx5, x6, [sp, #32]\n"
  "\tldp\tx7, x8, [sp, #48]\n"
  "\tldp\tx9, x10, [sp, #64]\n"
  "\tldp\tx11, x12, [sp, #80]\n"
  "\tldp\tx13, x14, [sp, #96]\n"
  "\tldp\tx15, x16, [sp, #112]\n"
  "\tldp\tx17, x18, [sp, #128]\n"
  "\tldr\tx30, [sp, #160]\n"
  "\tadd\tsp, sp, #176\n"
  "\tmov\tx0, #0\n"
  "\tret\n"
  "\t.cfi_endproc\n"
  "\t.size\t__bpfinst_clone_stub, .-__bpfinst_clone_stub\n"
  "\t.globl\t__bpfinst_tramp_end\n"
  "\t.hidden\t__bpfinst_tramp_end\n"
  "__bpfinst_tramp_end:\n"
  "\tbrk\t#0\n"
);

#elif defined __arm__ && defined __ARM_EABI__

/* 32-bit arm EABI: svc #0, number in r7, arguments r0..r5, result in r0.
   The stubs are ARM (not Thumb) code: syscall.c clears the Thumb state
   bit when it makes the program resume at __bpfinst_sigreturn_insn.  */
__asm__ (
  "\t.text\n"
  "\t.syntax\tunified\n"
  "\t.arm\n"
  "\t.balign\t64\n"
  "\t.globl\t__bpfinst_tramp_start\n"
  "\t.hidden\t__bpfinst_tramp_start\n"
  "__bpfinst_tramp_start:\n"
  /* long __bpfinst_raw_syscall (long nr, long a1, ..., long a6): the
     last three arrive on the stack.  */
  "\t.globl\t__bpfinst_raw_syscall\n"
  "\t.hidden\t__bpfinst_raw_syscall\n"
  "\t.type\t__bpfinst_raw_syscall, %function\n"
  "__bpfinst_raw_syscall:\n"
  "\tpush\t{r4, r5, r7, lr}\n"
  "\tmov\tr7, r0\n"
  "\tmov\tr0, r1\n"
  "\tmov\tr1, r2\n"
  "\tmov\tr2, r3\n"
  "\tldr\tr3, [sp, #16]\n"
  "\tldr\tr4, [sp, #20]\n"
  "\tldr\tr5, [sp, #24]\n"
  "\tsvc\t#0\n"
  "\tpop\t{r4, r5, r7, pc}\n"
  "\t.size\t__bpfinst_raw_syscall, .-__bpfinst_raw_syscall\n"
  /* The SIGSYS handler's sa_restorer: rt_sigreturn (173).  */
  "\t.globl\t__bpfinst_restorer\n"
  "\t.hidden\t__bpfinst_restorer\n"
  "\t.type\t__bpfinst_restorer, %function\n"
  "__bpfinst_restorer:\n"
  "\tmov\tr7, #173\n"
  "\tsvc\t#0\n"
  "\tudf\t#0\n"
  "\t.size\t__bpfinst_restorer, .-__bpfinst_restorer\n"
  /* An intercepted sigreturn or rt_sigreturn resumes here, in ARM state,
     with the program's registers (r7 = the number).  */
  "\t.globl\t__bpfinst_sigreturn_insn\n"
  "\t.hidden\t__bpfinst_sigreturn_insn\n"
  "__bpfinst_sigreturn_insn:\n"
  "\tsvc\t#0\n"
  "\tudf\t#0\n"
  /* long __bpfinst_clone_stub (long nr, const unsigned long *regs,
  			      unsigned long child_sp, unsigned long resume)

     REGS is the program's r0..r12, sp, lr (&uc_mcontext.arm_r0); RESUME
     has bit 0 set when the program runs Thumb code.  The child starts
     with the program's registers and CHILD_SP, calls
     __bpfinst_syscall_child_start, and loads pc from 8 bytes under
     CHILD_SP with r0 = 0, popping it (a signal arriving just before
     cannot overwrite it): every register is the program's.  */
  "\t.globl\t__bpfinst_clone_stub\n"
  "\t.hidden\t__bpfinst_clone_stub\n"
  "\t.type\t__bpfinst_clone_stub, %function\n"
  "__bpfinst_clone_stub:\n"
  "\tpush\t{r4, r5, r6, r7, r8, r9, r10, r11, lr}\n"
  "\tstr\tr3, [r2, #-8]\n"
  "\tldr\tlr, [r1, #56]\n"
  "\tldm\tr1, {r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12}\n"
  "\tsvc\t#0\n"
  "\tcmp\tr0, #0\n"
  "\tpopne\t{r4, r5, r6, r7, r8, r9, r10, r11, pc}\n"
  /* The child, on its new stack: [sp - 8] holds RESUME.  */
  "\tsub\tsp, sp, #8\n"
  "\tpush\t{r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, lr}\n"
  "\tmrs\tr1, APSR\n"
  "\tpush\t{r1}\n"
  "\tbl\t__bpfinst_syscall_child_start\n"
  "\tpop\t{r1}\n"
  "\tmsr\tAPSR_nzcvq, r1\n"
  "\tpop\t{r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, lr}\n"
  "\tmov\tr0, #0\n"
  "\tldr\tpc, [sp], #8\n"
  "\t.size\t__bpfinst_clone_stub, .-__bpfinst_clone_stub\n"
  "\t.globl\t__bpfinst_tramp_end\n"
  "\t.hidden\t__bpfinst_tramp_end\n"
  "__bpfinst_tramp_end:\n"
  "\tudf\t#0\n"
);

#elif defined __riscv && __riscv_xlen == 64

/* riscv64: ecall, number in a7, arguments a0..a5, result in a0.  The
   kernel offers no sa_restorer here: the SIGSYS handler ends with
   __bpfinst_sigreturn_frame instead of returning.  */
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
  "\tmv\ta7, a0\n"
  "\tmv\ta0, a1\n"
  "\tmv\ta1, a2\n"
  "\tmv\ta2, a3\n"
  "\tmv\ta3, a4\n"
  "\tmv\ta4, a5\n"
  "\tmv\ta5, a6\n"
  "\tecall\n"
  "\tret\n"
  "\t.cfi_endproc\n"
  "\t.size\t__bpfinst_raw_syscall, .-__bpfinst_raw_syscall\n"
  /* void __bpfinst_sigreturn_frame (void *frame): rt_sigreturn (139) of
     the signal frame FRAME, which starts with the handler's siginfo.  */
  "\t.globl\t__bpfinst_sigreturn_frame\n"
  "\t.hidden\t__bpfinst_sigreturn_frame\n"
  "\t.type\t__bpfinst_sigreturn_frame, @function\n"
  "__bpfinst_sigreturn_frame:\n"
  "\tmv\tsp, a0\n"
  "\tli\ta7, 139\n"
  "\tecall\n"
  "\tunimp\n"
  "\t.size\t__bpfinst_sigreturn_frame, .-__bpfinst_sigreturn_frame\n"
  /* An intercepted rt_sigreturn resumes here with the program's
     registers (a7 = 139).  */
  "\t.globl\t__bpfinst_sigreturn_insn\n"
  "\t.hidden\t__bpfinst_sigreturn_insn\n"
  "__bpfinst_sigreturn_insn:\n"
  "\tecall\n"
  "\tunimp\n"
  /* long __bpfinst_clone_stub (long nr, const unsigned long *regs,
  			      unsigned long child_sp, unsigned long resume)

     REGS is the program's uc_mcontext.__gregs (pc, ra, sp, gp, tp, t0..t2,
     s0, s1, a0..a7, s2..s11, t3..t6).  The child starts with the
     program's registers and CHILD_SP, calls
     __bpfinst_syscall_child_start, and returns to RESUME with a0 = 0;
     ra (the link register, which no code can use after a clone that
     changed its stack) carries RESUME, kept just under CHILD_SP.  */
  "\t.globl\t__bpfinst_clone_stub\n"
  "\t.hidden\t__bpfinst_clone_stub\n"
  "\t.type\t__bpfinst_clone_stub, @function\n"
  "__bpfinst_clone_stub:\n"
  "\taddi\tsp, sp, -112\n"
  "\tsd\tra, 0(sp)\n"
  "\tsd\ts0, 8(sp)\n"
  "\tsd\ts1, 16(sp)\n"
  "\tsd\ts2, 24(sp)\n"
  "\tsd\ts3, 32(sp)\n"
  "\tsd\ts4, 40(sp)\n"
  "\tsd\ts5, 48(sp)\n"
  "\tsd\ts6, 56(sp)\n"
  "\tsd\ts7, 64(sp)\n"
  "\tsd\ts8, 72(sp)\n"
  "\tsd\ts9, 80(sp)\n"
  "\tsd\ts10, 88(sp)\n"
  "\tsd\ts11, 96(sp)\n"
  "\tsd\ta3, -16(a2)\n"
  "\tmv\tt6, a1\n"
  "\tld\tra, 8(t6)\n"
  "\tld\tt0, 40(t6)\n"
  "\tld\tt1, 48(t6)\n"
  "\tld\tt2, 56(t6)\n"
  "\tld\ts0, 64(t6)\n"
  "\tld\ts1, 72(t6)\n"
  "\tld\ta0, 80(t6)\n"
  "\tld\ta1, 88(t6)\n"
  "\tld\ta2, 96(t6)\n"
  "\tld\ta3, 104(t6)\n"
  "\tld\ta4, 112(t6)\n"
  "\tld\ta5, 120(t6)\n"
  "\tld\ta6, 128(t6)\n"
  "\tld\ta7, 136(t6)\n"
  "\tld\ts2, 144(t6)\n"
  "\tld\ts3, 152(t6)\n"
  "\tld\ts4, 160(t6)\n"
  "\tld\ts5, 168(t6)\n"
  "\tld\ts6, 176(t6)\n"
  "\tld\ts7, 184(t6)\n"
  "\tld\ts8, 192(t6)\n"
  "\tld\ts9, 200(t6)\n"
  "\tld\ts10, 208(t6)\n"
  "\tld\ts11, 216(t6)\n"
  "\tld\tt3, 224(t6)\n"
  "\tld\tt4, 232(t6)\n"
  "\tld\tt5, 240(t6)\n"
  "\tld\tt6, 248(t6)\n"
  "\tecall\n"
  "\tbeqz\ta0, 1f\n"
  "\tld\tra, 0(sp)\n"
  "\tld\ts0, 8(sp)\n"
  "\tld\ts1, 16(sp)\n"
  "\tld\ts2, 24(sp)\n"
  "\tld\ts3, 32(sp)\n"
  "\tld\ts4, 40(sp)\n"
  "\tld\ts5, 48(sp)\n"
  "\tld\ts6, 56(sp)\n"
  "\tld\ts7, 64(sp)\n"
  "\tld\ts8, 72(sp)\n"
  "\tld\ts9, 80(sp)\n"
  "\tld\ts10, 88(sp)\n"
  "\tld\ts11, 96(sp)\n"
  "\taddi\tsp, sp, 112\n"
  "\tret\n"
  "1:\n"
  /* The child, on its new stack: [sp - 16] holds RESUME.  */
  "\taddi\tsp, sp, -144\n"
  "\tsd\tt0, 0(sp)\n"
  "\tsd\tt1, 8(sp)\n"
  "\tsd\tt2, 16(sp)\n"
  "\tsd\ta1, 24(sp)\n"
  "\tsd\ta2, 32(sp)\n"
  "\tsd\ta3, 40(sp)\n"
  "\tsd\ta4, 48(sp)\n"
  "\tsd\ta5, 56(sp)\n"
  "\tsd\ta6, 64(sp)\n"
  "\tsd\ta7, 72(sp)\n"
  "\tsd\tt3, 80(sp)\n"
  "\tsd\tt4, 88(sp)\n"
  "\tsd\tt5, 96(sp)\n"
  "\tsd\tt6, 104(sp)\n"
  "\tcall\t__bpfinst_syscall_child_start\n"
  "\tld\tt0, 0(sp)\n"
  "\tld\tt1, 8(sp)\n"
  "\tld\tt2, 16(sp)\n"
  "\tld\ta1, 24(sp)\n"
  "\tld\ta2, 32(sp)\n"
  "\tld\ta3, 40(sp)\n"
  "\tld\ta4, 48(sp)\n"
  "\tld\ta5, 56(sp)\n"
  "\tld\ta6, 64(sp)\n"
  "\tld\ta7, 72(sp)\n"
  "\tld\tt3, 80(sp)\n"
  "\tld\tt4, 88(sp)\n"
  "\tld\tt5, 96(sp)\n"
  "\tld\tt6, 104(sp)\n"
  "\tld\tra, 128(sp)\n"
  "\taddi\tsp, sp, 144\n"
  "\tli\ta0, 0\n"
  "\tret\n"
  "\t.size\t__bpfinst_clone_stub, .-__bpfinst_clone_stub\n"
  "\t.globl\t__bpfinst_tramp_end\n"
  "\t.hidden\t__bpfinst_tramp_end\n"
  "__bpfinst_tramp_end:\n"
  "\tunimp\n"
);

#else

/* Other architectures: no trampoline (syscall.c reports interception as
   unavailable there).  */
typedef int bpfinst_no_syscall_trampoline;

#endif
