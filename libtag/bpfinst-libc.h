/* bpfinst-libc.h - the C library functions whose calls the plugin sends
   to libtag's wrappers (libc-*.c), when the instrumenter keeps tags in
   memory (see instrument.cc): a call of NAME in instrumented code becomes
   a call of BPFINST_LIBC_WRAPPER (NAME) (bpfinst-abi.h), which does what
   NAME does and carries the tags of the bytes it reads and writes, and of
   its result (through the return slot, as any instrumented function's).
   The runtime of a bare-metal target has no wrappers, and its plugin
   makes no such call.

   BPFINST_LIBC_FUNCTIONS (X) applies X (NAME, SIGNATURE) to each, by
   glibc's assembler names (the _chk variants are what -D_FORTIFY_SOURCE
   calls, the __isoc99_ ones what <stdio.h> makes of the scanf family in
   ISO C mode).  SIGNATURE is the result's kind, a colon, and each
   parameter's kind: i an integer (enumerations and booleans too), p a
   pointer, f a floating-point number, a anything (a va_list), v (result
   only) nothing; a final '.' for "...".  The plugin sends a call to the
   wrapper only when the callee's prototype agrees with it, so that a
   program's own function of the same name with other parameters is left
   alone.

   No #include, and nothing else: the plugin includes this before GCC's
   headers, which forbid some of these names (calloc, strdup, ...) in
   what comes after them.  */

#ifndef BPFINST_LIBC_H
#define BPFINST_LIBC_H

#define BPFINST_LIBC_FUNCTIONS(X)					\
  /* Memory and strings.  */						\
  X (memccpy, "p:ppii") X (memchr, "p:pii") X (memrchr, "p:pii")	\
  X (rawmemchr, "p:pi") X (memcmp, "i:ppi") X (bcmp, "i:ppi")		\
  X (strcpy, "p:pp") X (stpcpy, "p:pp") X (strncpy, "p:ppi")		\
  X (stpncpy, "p:ppi") X (strcat, "p:pp") X (strncat, "p:ppi")		\
  X (__strcpy_chk, "p:ppi") X (__stpcpy_chk, "p:ppi")			\
  X (__strncpy_chk, "p:ppii") X (__stpncpy_chk, "p:ppii")		\
  X (__strcat_chk, "p:ppi") X (__strncat_chk, "p:ppii")			\
  X (strdup, "p:p") X (strndup, "p:pi") X (strlen, "i:p")		\
  X (strnlen, "i:pi") X (strcmp, "i:pp") X (strncmp, "i:ppi")		\
  X (strcasecmp, "i:pp") X (strncasecmp, "i:ppi") X (strchr, "p:pi")	\
  X (strrchr, "p:pi") X (strchrnul, "p:pi") X (strstr, "p:pp")		\
  X (strpbrk, "p:pp") X (strspn, "i:pp") X (strcspn, "i:pp")		\
  /* Numbers and characters.  */					\
  X (strtol, "i:ppi") X (strtoul, "i:ppi") X (strtoll, "i:ppi")		\
  X (strtoull, "i:ppi") X (strtoimax, "i:ppi") X (strtoumax, "i:ppi")	\
  X (strtod, "f:pp") X (strtof, "f:pp") X (strtold, "f:pp")		\
  X (atoi, "i:p") X (atol, "i:p") X (atoll, "i:p") X (atof, "f:p")	\
  X (toupper, "i:i") X (tolower, "i:i")					\
  /* Allocation.  */							\
  X (calloc, "p:ii") X (realloc, "p:pi") X (reallocarray, "p:pii")	\
  /* Reading a file descriptor.  */					\
  X (read, "i:ipi") X (pread, "i:ipii") X (pread64, "i:ipii")		\
  X (__read_chk, "i:ipii")						\
  /* Reading a stream.  */						\
  X (fgets, "p:pip") X (fgets_unlocked, "p:pip")			\
  X (__fgets_chk, "p:piip") X (__fgets_unlocked_chk, "p:piip")		\
  X (fread, "i:piip") X (fread_unlocked, "i:piip")			\
  X (__fread_chk, "i:piiip") X (__fread_unlocked_chk, "i:piiip")	\
  X (getline, "i:ppp") X (getdelim, "i:ppip") X (__getdelim, "i:ppip")	\
  X (fgetc, "i:p") X (getc, "i:p") X (getchar, "i:")			\
  X (fgetc_unlocked, "i:p") X (getc_unlocked, "i:p")			\
  X (getchar_unlocked, "i:") X (__uflow, "i:p") X (ungetc, "i:ip")	\
  X (scanf, "i:p.") X (fscanf, "i:pp.") X (sscanf, "i:pp.")		\
  X (vscanf, "i:pa") X (vfscanf, "i:ppa") X (vsscanf, "i:ppa")		\
  X (__isoc99_scanf, "i:p.") X (__isoc99_fscanf, "i:pp.")		\
  X (__isoc99_sscanf, "i:pp.") X (__isoc99_vscanf, "i:pa")		\
  X (__isoc99_vfscanf, "i:ppa") X (__isoc99_vsscanf, "i:ppa")		\
  /* Writing a stream.  */						\
  X (fputc, "i:ip") X (putc, "i:ip") X (putchar, "i:i")			\
  X (fputc_unlocked, "i:ip") X (putc_unlocked, "i:ip")			\
  X (putchar_unlocked, "i:i") X (__overflow, "i:pi") X (fputs, "i:pp")	\
  X (fputs_unlocked, "i:pp") X (puts, "i:p") X (fwrite, "i:piip")	\
  X (fwrite_unlocked, "i:piip")						\
  /* Formatting.  */							\
  X (printf, "i:p.") X (fprintf, "i:pp.") X (dprintf, "i:ip.")		\
  X (sprintf, "i:pp.") X (snprintf, "i:pip.") X (asprintf, "i:pp.")	\
  X (vprintf, "i:pa") X (vfprintf, "i:ppa") X (vdprintf, "i:ipa")	\
  X (vsprintf, "i:ppa") X (vsnprintf, "i:pipa") X (vasprintf, "i:ppa")	\
  X (__printf_chk, "i:ip.") X (__fprintf_chk, "i:pip.")			\
  X (__dprintf_chk, "i:iip.") X (__sprintf_chk, "i:piip.")		\
  X (__snprintf_chk, "i:piiip.") X (__asprintf_chk, "i:pip.")		\
  X (__vprintf_chk, "i:ipa") X (__vfprintf_chk, "i:pipa")		\
  X (__vdprintf_chk, "i:iipa") X (__vsprintf_chk, "i:piipa")		\
  X (__vsnprintf_chk, "i:piiipa") X (__vasprintf_chk, "i:pipa")

#endif /* BPFINST_LIBC_H */
