// One core's ceiling for single-precision fused multiply-adds, in GFLOP/s: twelve independent sums
// of the widest vectors the host has (AVX-512, else AVX2), so neither latency nor memory limits it.
// bench_kernels.py builds it with `cc -O2 -march=native` and prints its figure beside the GFLOP/s
// column, measured in the same run.
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#if defined(__AVX512F__)
typedef __m512 vector;
#define LANES 16
#define SPLAT _mm512_set1_ps
#define ZERO _mm512_setzero_ps
#define FMA _mm512_fmadd_ps
#elif defined(__AVX2__) && defined(__FMA__)
typedef __m256 vector;
#define LANES 8
#define SPLAT _mm256_set1_ps
#define ZERO _mm256_setzero_ps
#define FMA _mm256_fmadd_ps
#else
#error "fma_peak needs AVX2 with FMA, or AVX-512"
#endif

enum { SUMS = 12 };

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
    const long steps = 20000000;
    double best = 0;
    float sink = 0;
    for (int round = 0; round < 15; round++) {
        vector x = SPLAT(1.0000001f), y = SPLAT(0.9999999f);
        vector s0 = ZERO(), s1 = ZERO(), s2 = ZERO(), s3 = ZERO(), s4 = ZERO(), s5 = ZERO();
        vector s6 = ZERO(), s7 = ZERO(), s8 = ZERO(), s9 = ZERO(), s10 = ZERO(), s11 = ZERO();
        double start = seconds();
        for (long k = 0; k < steps; k++) {
            // Keeps the compiler from folding the loop away: the sums must be in registers here.
            __asm__ volatile("" : "+v"(s0), "+v"(s1), "+v"(s2), "+v"(s3), "+v"(s4), "+v"(s5),
                             "+v"(s6), "+v"(s7), "+v"(s8), "+v"(s9), "+v"(s10), "+v"(s11));
            s0 = FMA(x, y, s0); s1 = FMA(x, y, s1); s2 = FMA(x, y, s2); s3 = FMA(x, y, s3);
            s4 = FMA(x, y, s4); s5 = FMA(x, y, s5); s6 = FMA(x, y, s6); s7 = FMA(x, y, s7);
            s8 = FMA(x, y, s8); s9 = FMA(x, y, s9); s10 = FMA(x, y, s10); s11 = FMA(x, y, s11);
        }
        double elapsed = seconds() - start;
        vector all[SUMS] = {s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11};
        for (int i = 0; i < SUMS; i++) sink += ((float *)&all[i])[0];
        double gflops = (double)steps * SUMS * LANES * 2 / elapsed / 1e9;
        if (gflops > best) best = gflops;
    }
    printf("%.1f\n", best);
    return sink == 42.0f;
}
