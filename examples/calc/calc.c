/* calc: an integer calculator, one statement per line on stdin.

     let NAME = EXPR      assign a variable (26 of them: a..z)
     EXPR                 print its value

   EXPR has C's integer operators and precedence: || && | ^ & == != < <= >
   >= << >> + - * / % unary - ~ ! and parentheses.  Errors (division by
   zero, unknown variable, bad syntax) are reported with their column.  */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct parser
{
  const char *s;
  size_t pos;
  const char *err;
  size_t err_pos;
};

static int64_t vars[26];
static unsigned char set[26];

static int64_t expr (struct parser *p, int prec);

static void
skip (struct parser *p)
{
  while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t')
    p->pos++;
}

static void
fail (struct parser *p, const char *msg)
{
  if (!p->err)
    {
      p->err = msg;
      p->err_pos = p->pos;
    }
}

static int64_t
primary (struct parser *p)
{
  skip (p);
  char c = p->s[p->pos];
  if (c == '(')
    {
      p->pos++;
      int64_t v = expr (p, 0);
      skip (p);
      if (p->s[p->pos] != ')')
	fail (p, "expected ')'");
      else
	p->pos++;
      return v;
    }
  if (c == '-' || c == '~' || c == '!')
    {
      p->pos++;
      int64_t v = primary (p);
      return c == '-' ? (int64_t) (0 - (uint64_t) v) : c == '~' ? ~v : !v;
    }
  if (isdigit ((unsigned char) c))
    {
      uint64_t v = 0;
      while (isdigit ((unsigned char) p->s[p->pos]))
	v = v * 10 + (uint64_t) (p->s[p->pos++] - '0');
      return (int64_t) v;
    }
  if (c >= 'a' && c <= 'z')
    {
      p->pos++;
      if (!set[c - 'a'])
	fail (p, "unknown variable");
      return vars[c - 'a'];
    }
  fail (p, "expected a number, a variable or '('");
  return 0;
}

/* Binary operators, by precedence (higher binds tighter).  */
static const struct
{
  const char *op;
  int prec;
} ops[] = {
  { "||", 1 }, { "&&", 2 }, { "|", 3 }, { "^", 4 }, { "&", 5 },
  { "==", 6 }, { "!=", 6 }, { "<=", 7 }, { ">=", 7 }, { "<<", 8 },
  { ">>", 8 }, { "<", 7 }, { ">", 7 }, { "+", 9 }, { "-", 9 },
  { "*", 10 }, { "/", 10 }, { "%", 10 },
};

static int64_t
apply (struct parser *p, const char *op, int64_t a, int64_t b)
{
  switch (op[0])
    {
    case '|': return op[1] ? (a || b) : (a | b);
    case '&': return op[1] ? (a && b) : (a & b);
    case '^': return a ^ b;
    case '=': return a == b;
    case '!': return a != b;
    case '<':
      if (op[1] == '<')
	return (int64_t) ((uint64_t) a << (b & 63));
      return op[1] ? a <= b : a < b;
    case '>':
      if (op[1] == '>')
	return a >> (b & 63);
      return op[1] ? a >= b : a > b;
    case '+': return (int64_t) ((uint64_t) a + (uint64_t) b);
    case '-': return (int64_t) ((uint64_t) a - (uint64_t) b);
    case '*': return (int64_t) ((uint64_t) a * (uint64_t) b);
    default:
      if (b == 0 || (a == INT64_MIN && b == -1))
	{
	  fail (p, "division overflow or by zero");
	  return 0;
	}
      return op[0] == '/' ? a / b : a % b;
    }
}

static int64_t
expr (struct parser *p, int prec)
{
  int64_t lhs = primary (p);
  for (;;)
    {
      skip (p);
      size_t i;
      for (i = 0; i < sizeof ops / sizeof ops[0]; i++)
	if (strncmp (p->s + p->pos, ops[i].op, strlen (ops[i].op)) == 0)
	  break;
      if (i == sizeof ops / sizeof ops[0] || ops[i].prec <= prec)
	return lhs;
      p->pos += strlen (ops[i].op);
      int64_t rhs = expr (p, ops[i].prec);
      lhs = apply (p, ops[i].op, lhs, rhs);
    }
}

int
main (void)
{
  char line[512];
  unsigned lineno = 0;
  while (fgets (line, sizeof line, stdin))
    {
      lineno++;
      line[strcspn (line, "\n")] = 0;
      struct parser p = { line, 0, NULL, 0 };
      int var = -1;
      skip (&p);
      if (p.s[p.pos] == 0 || p.s[p.pos] == '#')
	continue;
      if (strncmp (line + p.pos, "let ", 4) == 0)
	{
	  p.pos += 4;
	  skip (&p);
	  if (p.s[p.pos] < 'a' || p.s[p.pos] > 'z')
	    fail (&p, "expected a variable name");
	  var = p.s[p.pos++] - 'a';
	  skip (&p);
	  if (p.s[p.pos] != '=')
	    fail (&p, "expected '='");
	  p.pos++;
	}
      int64_t v = expr (&p, 0);
      skip (&p);
      if (p.s[p.pos] != 0)
	fail (&p, "unexpected character");
      if (p.err)
	{
	  printf ("%u:%zu: error: %s\n", lineno, p.err_pos + 1, p.err);
	  continue;
	}
      if (var >= 0)
	{
	  vars[var] = v;
	  set[var] = 1;
	}
      else
	printf ("%lld\n", (long long) v);
    }
  return 0;
}
