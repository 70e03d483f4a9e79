/* taint.h - what the two halves of the firmware's taint tracker share.  */
#ifndef FIRMWARE_TAINT_H
#define FIRMWARE_TAINT_H

/* Tags are bit sets of the sources a value depends on.  */
#define TAINT_WIRE 1u		/* the received byte stream */
#define TAINT_CONFIG 2u		/* the calibration table in the image */

/* Shadow windows, in bytes of program memory (one tag byte each): the
   start of RAM (.data and .bss) and the top of the main stack (64 KiB:
   frames at -O0 are large).  */
#define TAINT_LOW_SIZE 0x4000u
#define TAINT_HIGH_SIZE 0x10000u

/* slow_call numbers.  */
#define TAINT_CALL_BRANCH 1u	/* a branch on tagged data: site, tag */

#endif
