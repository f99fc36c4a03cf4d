/*
 * Podium's holder process. Without arguments it waits forever (pause(2), or ppoll(2) where there
 * is no pause): the holder container keeps a run's tmpfs output volume mounted from before the
 * participant's container starts until Podium has copied the output out. With "statfs PATH" it
 * prints "bsize blocks bfree files ffree" of PATH and exits: how Podium sees whether the volume is
 * full while the run goes on. No libc: a few raw system calls, built static (build.sh).
 */

#if defined(__x86_64__)
#define SYS_write 1
#define SYS_pause 34
#define SYS_statfs 137
#define SYS_exit 60
__asm__(".globl _start\n_start:\n mov %rsp, %rdi\n and $-16, %rsp\n call start\n hlt\n");

static long syscall3(long n, long a, long b, long c) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c)
                   : "rcx", "r11", "memory");
  return ret;
}

static void wait_forever(void) {
  for (;;) syscall3(SYS_pause, 0, 0, 0);
}
#elif defined(__aarch64__)
#define SYS_write 64
#define SYS_ppoll 73
#define SYS_statfs 43
#define SYS_exit 93
__asm__(".globl _start\n_start:\n mov x0, sp\n bl start\n");

static long syscall3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = 0;
  register long x4 __asm__("x4") = 0;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4) : "memory");
  return x0;
}

static void wait_forever(void) {
  for (;;) syscall3(SYS_ppoll, 0, 0, 0);
}
#else
#error "pause.c: x86_64 or aarch64 only"
#endif

static char *decimal(char *end, unsigned long value) {
  do {
    *--end = (char)('0' + value % 10);
    value /= 10;
  } while (value != 0);
  return end;
}

__attribute__((noreturn, used)) void start(long *stack) {
  long argc = stack[0];
  char **argv = (char **)(stack + 1);
  if (argc < 3) {
    wait_forever();
  }
  /* struct statfs on 64-bit Linux: type, bsize, blocks, bfree, bavail, files, ffree, ... */
  long fs[16];
  long status = 1;
  if (syscall3(SYS_statfs, (long)argv[2], (long)fs, 0) == 0) {
    char text[128];
    char *end = text + sizeof text;
    char *at = end;
    *--at = '\n';
    int fields[] = {6, 5, 3, 2, 1};
    for (int i = 0; i < 5; i++) {
      at = decimal(at, (unsigned long)fs[fields[i]]);
      if (i < 4) *--at = ' ';
    }
    syscall3(SYS_write, 1, (long)at, end - at);
    status = 0;
  }
  for (;;) syscall3(SYS_exit, status, 0, 0);
}
