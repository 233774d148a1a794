#include "lql_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int lql_spawn_wait(char *const argv[], const char *cwd, const char *output_path) {
    int out = open(output_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (out < 0) return -1;
    int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (in < 0) { int e = errno; close(out); errno = e; return -1; }

    struct rlimit limit;
    long max_fd = (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < 65536)
        ? (long)limit.rlim_cur : 65536;

    pid_t pid = fork();
    if (pid < 0) { int e = errno; close(out); close(in); errno = e; return -1; }
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        struct sigaction default_action;
        default_action.sa_handler = SIG_DFL;
        sigemptyset(&default_action.sa_mask);
        default_action.sa_flags = 0;
        sigaction(SIGINT, &default_action, NULL);
        sigaction(SIGPIPE, &default_action, NULL);
        if (cwd != NULL && chdir(cwd) != 0) _exit(126);
        if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0) _exit(126);
        for (long fd = 3; fd < max_fd; fd++) close((int)fd);
        execv(argv[0], argv);
        _exit(127);
    }
    close(out);
    close(in);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}
