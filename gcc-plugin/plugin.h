/* plugin.h - what the bpfinst plugin's files share.

   Include after GCC's plugin headers and bpf-emit.h.  */

#ifndef BPFINST_PLUGIN_H
#define BPFINST_PLUGIN_H

/* The loaded and verified instrumenter (BPF half).  */
extern struct bpfi_object *bpfinst_object;

/* Look up the instrumenter's hook functions; once per translation unit,
   before the first function is instrumented.  */
void instrument_init (struct bpfi_object *obj);

/* Instrument the current function (cfun).  Returns the TODO flags the
   pass must return.  */
unsigned int instrument_function (void);

#endif /* BPFINST_PLUGIN_H */
