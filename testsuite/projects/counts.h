/* counts.h - what the native halves of the project builds share: at exit
   each appends one line of counts to the file named by BPFINST_COUNTS,
   prefixed with the program's name, and prints nothing.  Included by
   heavy-native.c and coverage-native.c.  */
#ifndef PROJECTS_COUNTS_H
#define PROJECTS_COUNTS_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The file to append to, or NULL when BPFINST_COUNTS is unset or empty.  */
static const char *
counts_file (void)
{
  const char *path = getenv ("BPFINST_COUNTS");
  return path && *path ? path : NULL;
}

/* The program's name, from /proc/self/comm; "?" when unreadable.  */
static void
program_name (char *buf, size_t size)
{
  int fd = open ("/proc/self/comm", O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read (fd, buf, size - 1);
  if (fd >= 0)
    close (fd);
  if (n <= 0)
    n = snprintf (buf, size, "?");
  buf[n] = 0;
  buf[strcspn (buf, "\n ")] = 0;
}

/* Append LEN bytes of LINE to PATH in one write on an O_APPEND
   descriptor, so that the lines of concurrent test programs do not
   interleave.  */
static void
counts_append (const char *path, const char *line, int len)
{
  int fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return;
  if (write (fd, line, len) != len)
    {
      /* Nothing useful to do at exit.  */
    }
  close (fd);
}

#endif /* PROJECTS_COUNTS_H */
