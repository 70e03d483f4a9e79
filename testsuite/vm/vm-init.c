/* vm-init.c - the first process of the virtual machines run-vm boots.

   It mounts /proc and /dev (the initramfs itself is writable, /tmp
   included, and may hold the program's folder under /tmp), reads the job run-vm put in the
   initramfs (/bpfinst-vm/job: the working folder, the arguments and the
   environment, each string ending in a NUL byte, an empty string after the
   arguments), runs the program with its standard input from
   /bpfinst-vm/stdin and its standard output and error into files, waits
   for it (reaping every other child meanwhile), kills whatever is left,
   and writes on the console, as base64 lines behind markers:

     @@bpfinst-vm out LINE      the program's standard output
     @@bpfinst-vm err LINE      its standard error
     @@bpfinst-vm status exit N | signal N
     @@bpfinst-vm error MESSAGE  when this program itself fails

   then powers the machine off.  Built statically by run-vm with the
   target's GCC.  */

#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define JOB "/bpfinst-vm/job"
#define IN "/bpfinst-vm/stdin"
#define OUT "/bpfinst-vm/out"
#define ERR "/bpfinst-vm/err"
#define MARK "@@bpfinst-vm "

static void
write_all (int fd, const char *p, size_t n)
{
  while (n > 0)
    {
      ssize_t w = write (fd, p, n);
      if (w < 0 && errno == EINTR)
	continue;
      if (w <= 0)
	return;
      p += w;
      n -= (size_t) w;
    }
}

static void
line (const char *kind, const char *text)
{
  char buf[512];
  int n = snprintf (buf, sizeof buf, "\n" MARK "%s %s\n", kind, text);
  if (n > 0)
    write_all (1, buf, (size_t) n < sizeof buf ? (size_t) n : sizeof buf - 1);
}

static void __attribute__ ((noreturn))
power_off (void)
{
  sync ();
  reboot (RB_POWER_OFF);
  for (;;)
    pause ();
}

static void __attribute__ ((noreturn))
fail (const char *what)
{
  char msg[256];
  snprintf (msg, sizeof msg, "%s: %s", what, strerror (errno));
  line ("error", msg);
  power_off ();
}

/* The contents of PATH, as base64 lines of KIND.  */
static void
emit_file (const char *kind, const char *path)
{
  static const char digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  unsigned char in[57];
  char out[80];
  int fd = open (path, O_RDONLY);
  if (fd < 0)
    return;
  for (;;)
    {
      size_t n = 0;
      while (n < sizeof in)
	{
	  ssize_t r = read (fd, in + n, sizeof in - n);
	  if (r < 0 && errno == EINTR)
	    continue;
	  if (r <= 0)
	    break;
	  n += (size_t) r;
	}
      if (n == 0)
	break;
      size_t o = 0;
      for (size_t i = 0; i < n; i += 3)
	{
	  unsigned v = (unsigned) in[i] << 16;
	  if (i + 1 < n)
	    v |= (unsigned) in[i + 1] << 8;
	  if (i + 2 < n)
	    v |= in[i + 2];
	  out[o++] = digits[(v >> 18) & 63];
	  out[o++] = digits[(v >> 12) & 63];
	  out[o++] = i + 1 < n ? digits[(v >> 6) & 63] : '=';
	  out[o++] = i + 2 < n ? digits[v & 63] : '=';
	}
      out[o] = 0;
      line (kind, out);
      if (n < sizeof in)
	break;
    }
  close (fd);
}

static char *
read_job (size_t *len)
{
  int fd = open (JOB, O_RDONLY);
  if (fd < 0)
    fail ("open " JOB);
  size_t cap = 4096, n = 0;
  char *buf = malloc (cap);
  for (;;)
    {
      if (!buf)
	fail ("malloc");
      if (n == cap)
	buf = realloc (buf, cap *= 2);
      if (!buf)
	fail ("realloc");
      ssize_t r = read (fd, buf + n, cap - n);
      if (r < 0 && errno == EINTR)
	continue;
      if (r < 0)
	fail ("read " JOB);
      if (r == 0)
	break;
      n += (size_t) r;
    }
  close (fd);
  *len = n;
  return buf;
}

int
main (void)
{
  mkdir ("/proc", 0755);
  mkdir ("/dev", 0755);
  mkdir ("/tmp", 01777);
  if (mount ("proc", "/proc", "proc", 0, NULL) != 0)
    fail ("mount /proc");
  if (mount ("devtmpfs", "/dev", "devtmpfs", 0, NULL) != 0)
    fail ("mount /dev");

  /* No carriage returns added to the console's output.  */
  struct termios t;
  if (tcgetattr (1, &t) == 0)
    {
      t.c_oflag &= ~(tcflag_t) OPOST;
      tcsetattr (1, TCSANOW, &t);
    }

  size_t len;
  char *job = read_job (&len);
  char *end = job + len;
  char *p = job;
  char *cwd = p;
  char *argv[256], *envp[256];
  int argc = 0, envc = 0;
  p += strlen (p) + 1;
  while (p < end && *p && argc < 255)
    {
      argv[argc++] = p;
      p += strlen (p) + 1;
    }
  argv[argc] = NULL;
  if (p < end)
    p++;
  while (p < end && envc < 255)
    {
      envp[envc++] = p;
      p += strlen (p) + 1;
    }
  envp[envc] = NULL;
  if (argc == 0)
    {
      line ("error", "the job names no program");
      power_off ();
    }

  pid_t pid = fork ();
  if (pid < 0)
    fail ("fork");
  if (pid == 0)
    {
      int in = open (IN, O_RDONLY);
      int out = open (OUT, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = open (ERR, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (in < 0 || out < 0 || err < 0 || chdir (cwd) != 0)
	_exit (126);
      dup2 (in, 0);
      dup2 (out, 1);
      dup2 (err, 2);
      close (in);
      close (out);
      close (err);
      execve (argv[0], argv, envp);
      int e = errno;
      dprintf (2, "run-vm: cannot execute %s: %s\n", argv[0], strerror (e));
      _exit (127);
    }

  int status = 0;
  for (;;)
    {
      int st;
      pid_t w = waitpid (-1, &st, 0);
      if (w == pid)
	{
	  status = st;
	  break;
	}
      if (w < 0 && errno != EINTR)
	fail ("waitpid");
    }
  kill (-1, SIGKILL);
  while (waitpid (-1, NULL, 0) > 0 || errno == EINTR)
    ;

  emit_file ("out", OUT);
  emit_file ("err", ERR);
  char st[64];
  if (WIFSIGNALED (status))
    snprintf (st, sizeof st, "signal %d", WTERMSIG (status));
  else
    snprintf (st, sizeof st, "exit %d", WEXITSTATUS (status));
  line ("status", st);
  power_off ();
}
