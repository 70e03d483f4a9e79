/* bpfinst/control.h - turn the instrumentation off and on at run time.

   A GCCInst extension to the engine-neutral contract, for the instrumented
   program or the native half.  Code instrumented with
   -fplugin-arg-bpfinst-switch=on tests a flag before each hook; while the
   flag is clear the hooks do not run and every value they would have
   tagged has tag 0.  At start-up the flag is set, unless the environment
   variable BPFINST_DISABLE holds a value other than "" and "0".  Code
   instrumented without that option (the default) has no such test: these
   functions do not affect it.

   Each instrumented function reads the flag when it is entered and again
   whenever a call returns (calls of const and pure functions and of
   built-ins aside), so a change made by calling these functions applies
   to the caller from the next statement on, and so does a change made by
   the native half's event_dispatch_slow_call.  One made by another thread
   reaches a thread's hooks once its current function calls or returns.  */

#ifndef BPFINST_CONTROL_H
#define BPFINST_CONTROL_H

#ifdef __cplusplus
extern "C" {
#endif

/* Run the hooks when ON is nonzero, skip them otherwise.  Returns the
   previous state (1 on, 0 off).  */
int bpfinst_set_enabled (int on);

/* Do the hooks run (1) or not (0)?  */
int bpfinst_enabled (void);

#ifdef __cplusplus
}
#endif

#endif /* BPFINST_CONTROL_H */
