/* startup.S - reset and exception vectors for a Cortex-M3 (ARMv7-M) on
   the mps2-an385 board.

   The vector table comes first in the image (address 0): the initial main
   stack pointer, then the handlers.  Reset copies .data from its load
   address to RAM and enters the C library's _start (newlib's semihosting
   start-up, rdimon-crt0), which clears .bss, runs the constructors, calls
   main and passes its result to exit.  A fault ends the run through
   semihosting with a nonzero status instead of spinning forever.  */

	.syntax unified
	.cpu cortex-m3
	.thumb

	.section .vectors, "a", %progbits
	.align 2
	.globl __vectors
__vectors:
	.word __stack_top		/* initial main stack pointer */
	.word Reset_Handler		/* 1: reset */
	.word Fault_Handler		/* 2: NMI */
	.word Fault_Handler		/* 3: hard fault */
	.word Fault_Handler		/* 4: memory management fault */
	.word Fault_Handler		/* 5: bus fault */
	.word Fault_Handler		/* 6: usage fault */
	.word 0, 0, 0, 0		/* 7-10: reserved */
	.word Fault_Handler		/* 11: SVCall */
	.word Fault_Handler		/* 12: debug monitor */
	.word 0				/* 13: reserved */
	.word Fault_Handler		/* 14: PendSV */
	.word Fault_Handler		/* 15: SysTick */
	.size __vectors, . - __vectors

	.text
	.align 2
	.thumb_func
	.globl Reset_Handler
	.type Reset_Handler, %function
Reset_Handler:
	ldr	r0, =__data_load__
	ldr	r1, =__data_start__
	ldr	r2, =__data_end__
1:	cmp	r1, r2
	bhs	2f
	ldr	r3, [r0], #4
	str	r3, [r1], #4
	b	1b
2:	bl	_start
	/* _start does not return; if it does, stop like a fault.  */
	b	Fault_Handler
	.pool
	.size Reset_Handler, . - Reset_Handler

/* Semihosting SYS_EXIT (0x18) with ADP_Stopped_RunTimeErrorUnknown
   (0x20023): QEMU exits with status 1.  */
	.align 2
	.thumb_func
	.globl Fault_Handler
	.type Fault_Handler, %function
Fault_Handler:
	movs	r0, #0x18
	ldr	r1, =0x20023
	bkpt	0xab
3:	b	3b
	.pool
	.size Fault_Handler, . - Fault_Handler
