/* taint-native.c - the native half of the firmware's taint tracker,
   linked into the firmware image (built plainly, without the plugin).

   It names the sources and the sink in the firmware by symbol: the
   received stream fw_input (fw_input_size bytes) and the calibration
   table fw_calib (fw_calib_size bytes) are the sources; the result table
   fw_results (fw_results_count entries) is the sink.  A constructor sets
   the source ranges and the shadow windows (RAM from __data_start__, from
   the linker script, and the top of the stack the C library's start-up
   chose) before main runs; a destructor, when main has returned, prints
   which sources each result depends on and how many branch sites decided
   on tagged data.  The report lines start with "tag: ".  */
#include <stdint.h>
#include <stdio.h>

#include <bpfinst/native.h>

#include "taint.h"

/* Shared with the BPF half.  */
uint64_t taint_wire_lo, taint_wire_hi;
uint64_t taint_config_lo, taint_config_hi;
uint64_t taint_low_base, taint_high_base;
uint8_t taint_low_shadow[TAINT_LOW_SIZE];
uint8_t taint_high_shadow[TAINT_HIGH_SIZE];
uint64_t taint_lost_stores;
uint64_t taint_arg_site, taint_arg_tag;

/* The firmware's side of the policy.  */
extern const uint8_t fw_input[];
extern const uint32_t fw_input_size;
extern const uint8_t fw_calib[];
extern const uint32_t fw_calib_size;
struct fw_result
{
  const char *name;
  uint32_t value;
};
extern struct fw_result fw_results[];
extern const uint32_t fw_results_count;
extern uint8_t __data_start__[];

/* Branch sites that decided on tagged data, by pseudo_pc.  */
#define MAX_SITES 256
static struct
{
  uint64_t site;
  uint8_t tag;
} sites[MAX_SITES];
static unsigned nsites;
static unsigned long dropped_sites;

static void __attribute__ ((constructor))
taint_init (void)
{
  uint8_t here;
  taint_wire_lo = (uintptr_t) fw_input;
  taint_wire_hi = taint_wire_lo + fw_input_size;
  taint_config_lo = (uintptr_t) fw_calib;
  taint_config_hi = taint_config_lo + fw_calib_size;
  taint_low_base = (uintptr_t) __data_start__;
  /* The stack is near its top while constructors run: the window ends
     at the next 256-byte boundary above this frame.  */
  taint_high_base = (((uintptr_t) &here + 0xff) & ~(uintptr_t) 0xff)
		    - TAINT_HIGH_SIZE;
}

uint64_t
event_dispatch_slow_call (uint64_t funct)
{
  if (funct != TAINT_CALL_BRANCH)
    return 0;
  for (unsigned i = 0; i < nsites; i++)
    if (sites[i].site == taint_arg_site)
      {
	sites[i].tag |= (uint8_t) taint_arg_tag;
	return 0;
      }
  if (nsites == MAX_SITES)
    {
      dropped_sites++;
      return 0;
    }
  sites[nsites].site = taint_arg_site;
  sites[nsites].tag = (uint8_t) taint_arg_tag;
  nsites++;
  return 0;
}

static const char *
sources (unsigned tag)
{
  switch (tag & (TAINT_WIRE | TAINT_CONFIG))
    {
    case TAINT_WIRE:
      return "wire";
    case TAINT_CONFIG:
      return "config";
    case TAINT_WIRE | TAINT_CONFIG:
      return "wire+config";
    default:
      return "none";
    }
}

/* The tag of the LEN bytes at P, or 0 outside the windows.  */
static unsigned
memory_tag (const void *p, unsigned len)
{
  unsigned t = 0;
  for (unsigned i = 0; i < len; i++)
    {
      uint64_t a = (uintptr_t) p + i;
      if (a - taint_low_base < TAINT_LOW_SIZE)
	t |= taint_low_shadow[a - taint_low_base];
      else if (a - taint_high_base < TAINT_HIGH_SIZE)
	t |= taint_high_shadow[a - taint_high_base];
    }
  return t;
}

static void __attribute__ ((destructor))
taint_report (void)
{
  unsigned by[4] = { 0, 0, 0, 0 };
  for (unsigned i = 0; i < nsites; i++)
    by[sites[i].tag & 3]++;

  fflush (stdout);
  for (uint32_t i = 0; i < fw_results_count; i++)
    printf ("tag: result %s depends on %s\n", fw_results[i].name,
	    sources (memory_tag (&fw_results[i].value,
				 sizeof fw_results[i].value)));
  printf ("tag: %u branch sites decided by tagged data: %u wire, "
	  "%u config, %u wire+config\n", nsites, by[TAINT_WIRE],
	  by[TAINT_CONFIG], by[TAINT_WIRE | TAINT_CONFIG]);
  if (taint_lost_stores || dropped_sites)
    printf ("tag: warning: %lu tagged stores outside the shadow, "
	    "%lu branch sites not recorded\n",
	    (unsigned long) taint_lost_stores, dropped_sites);
  fflush (stdout);
}
