/* The checks of trace-native.c, for tests built with trace.bpf.c.  */
#include <bpfinst/common.h>

enum { CMP = 1, NEG, SHL, LSHR, OR, AND, LOAD, STORE };

extern void test_arm (void);
extern int test_hook (uint64_t id, uint64_t a, uint64_t b, uint64_t w1,
		      uint64_t wres);
extern int test_cmp (uint64_t a, uint64_t b, uint64_t cond, uint64_t res);
extern int test_cmp_either (uint64_t x, uint64_t y, uint64_t cond,
			    uint64_t width);
extern int test_tags (uint64_t tags);
extern int test_end (void);
extern uint64_t test_reported (void);
extern int test_value (uint64_t value, uint64_t expected);
