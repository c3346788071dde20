/*
 * The floor for "N writers through a server" on this machine: the least a server can do for a durable append
 * over vtc's framing (docs/protocol.md), in one thread, with no rules, no state and no hashing. It takes every
 * frame that has arrived on any connection, appends them to one file with one write and one fdatasync (group
 * commit), and only then answers each with a frame of the same size ({"type":"appended","echo":<the request>}).
 *
 * Built with -DWITH_LIBPQ (and -lpq) it can instead make each batch durable in PostgreSQL: one INSERT of the
 * batch's lines into a table of its own, committed on its own (synchronous_commit as the database has it).
 *
 * Benchmarks/server-bench.py and server-postgres-bench.py compile it (cc -O2) and run the same writer processes
 * against it as against `vtc serve`, in the same run, so that the writers' figures can be read against what any
 * server would take here.
 *
 * Usage: reference-group-commit SOCKET FILE
 *        reference-group-commit SOCKET --postgres CONNINFO
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#ifdef WITH_LIBPQ
#include <libpq-fe.h>
#endif

#define MAX_CONNECTIONS 64
#define BUFFER 65536

struct connection {
    int fd;
    size_t have;
    unsigned char in[BUFFER];
    /* Answers owed once the batch is durable: the header of each frame taken. */
    size_t owed;
    unsigned char *headers[16];
    uint32_t header_lengths[16];
    size_t ends[16];
};

static uint32_t be32(const unsigned char *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static void put32(unsigned char *p, uint32_t v) {
    p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

static int write_all(int fd, const unsigned char *bytes, size_t count) {
    while (count > 0) {
        ssize_t n = write(fd, bytes, count);
        if (n < 0) { if (errno == EINTR) continue; return -1; }
        bytes += n; count -= (size_t)n;
    }
    return 0;
}

#ifdef WITH_LIBPQ
static PGconn *database;

/* The batch's lines (each ending in LF) in one INSERT, its own transaction: durable once PQexecParams answers. */
static int insert_durably(unsigned char *batch, size_t count) {
    batch[count - 1] = 0;
    const char *values[1] = { (const char *)batch };
    PGresult *result = PQexecParams(database,
        "INSERT INTO reference_log (line) SELECT unnest(string_to_array($1, E'\\n'))", 1, NULL, values, NULL, NULL, 0);
    int failed = PQresultStatus(result) != PGRES_COMMAND_OK;
    if (failed) fprintf(stderr, "reference-group-commit: %s", PQerrorMessage(database));
    PQclear(result);
    return failed ? -1 : 0;
}
#endif

int main(int argc, char **argv) {
    if (argc != 3 && !(argc == 4 && strcmp(argv[2], "--postgres") == 0)) {
        fprintf(stderr, "usage: %s SOCKET FILE | %s SOCKET --postgres CONNINFO\n", argv[0], argv[0]);
        return 2;
    }
    /* The file the batches go to; none when they go to PostgreSQL. */
    int log = -1;
    if (argc == 4) {
#ifdef WITH_LIBPQ
        database = PQconnectdb(argv[3]);
        if (PQstatus(database) != CONNECTION_OK) { fprintf(stderr, "reference-group-commit: %s", PQerrorMessage(database)); return 1; }
        PQclear(PQexec(database, "CREATE TABLE IF NOT EXISTS reference_log (seq bigserial PRIMARY KEY, line text NOT NULL)"));
#else
        fprintf(stderr, "reference-group-commit: built without libpq\n");
        return 2;
#endif
    } else if ((log = open(argv[2], O_WRONLY | O_CREAT | O_APPEND, 0600)) < 0) {
        perror(argv[2]);
        return 1;
    }
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un address = { .sun_family = AF_UNIX };
    strncpy(address.sun_path, argv[1], sizeof address.sun_path - 1);
    unlink(argv[1]);
    if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) != 0
        || listen(listener, 128) != 0) { perror("reference-group-commit"); return 1; }
    int poll = epoll_create1(0);
    struct epoll_event event = { .events = EPOLLIN, .data.ptr = NULL };
    epoll_ctl(poll, EPOLL_CTL_ADD, listener, &event);
    printf("ready\n");
    fflush(stdout);

    static unsigned char batch[BUFFER * 4];
    static unsigned char reply[BUFFER];
    struct connection *owing[MAX_CONNECTIONS];
    for (;;) {
        struct epoll_event ready[MAX_CONNECTIONS];
        int count = epoll_wait(poll, ready, MAX_CONNECTIONS, -1);
        size_t batched = 0, owing_count = 0;
        for (int i = 0; i < count; i++) {
            struct connection *c = ready[i].data.ptr;
            if (c == NULL) {
                int fd = accept(listener, NULL, NULL);
                if (fd < 0) continue;
                c = calloc(1, sizeof *c);
                c->fd = fd;
                struct epoll_event e = { .events = EPOLLIN, .data.ptr = c };
                epoll_ctl(poll, EPOLL_CTL_ADD, fd, &e);
                continue;
            }
            ssize_t n = read(c->fd, c->in + c->have, BUFFER - c->have);
            if (n <= 0) { epoll_ctl(poll, EPOLL_CTL_DEL, c->fd, NULL); close(c->fd); free(c); continue; }
            c->have += (size_t)n;
            size_t at = 0;
            while (c->have - at >= 8 && c->owed < 16) {
                uint32_t length = be32(c->in + at), header = be32(c->in + at + 4);
                if (c->have - at < 4 + (size_t)length) break;
                if (batched + header + 1 <= sizeof batch) {
                    memcpy(batch + batched, c->in + at + 8, header);
                    batched += header;
                    batch[batched++] = '\n';
                }
                c->headers[c->owed] = c->in + at + 8;
                c->header_lengths[c->owed] = header;
                c->ends[c->owed] = at + 4 + length;
                if (c->owed++ == 0) owing[owing_count++] = c;
                at += 4 + length;
            }
            /* The frames' bytes stay in place until answered; what follows them is kept for the next turn. */
            if (c->owed == 0 && at > 0) { memmove(c->in, c->in + at, c->have - at); c->have -= at; }
        }
        if (owing_count == 0) continue;
#ifdef WITH_LIBPQ
        if (database != NULL) {
            if (insert_durably(batch, batched) != 0) return 1;
        } else
#endif
        if (write_all(log, batch, batched) != 0 || fdatasync(log) != 0) { perror("reference-group-commit"); return 1; }
        for (size_t i = 0; i < owing_count; i++) {
            struct connection *c = owing[i];
            size_t consumed = 0;
            for (size_t k = 0; k < c->owed; k++) {
                static const char prefix[] = "{\"type\":\"appended\",\"echo\":";
                uint32_t header = (uint32_t)(sizeof prefix - 1) + c->header_lengths[k] + 1;
                put32(reply, 4 + header);
                put32(reply + 4, header);
                memcpy(reply + 8, prefix, sizeof prefix - 1);
                memcpy(reply + 8 + sizeof prefix - 1, c->headers[k], c->header_lengths[k]);
                reply[8 + header - 1] = '}';
                write_all(c->fd, reply, 8 + header);
                consumed = c->ends[k];
            }
            memmove(c->in, c->in + consumed, c->have - consumed);
            c->have -= consumed;
            c->owed = 0;
        }
    }
}
