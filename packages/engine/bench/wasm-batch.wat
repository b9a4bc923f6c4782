;; Issue 19 experiment: one whole batch of the team reference case in WebAssembly, to measure what
;; option (b) would give before anyone builds it into the engine. Not used by the engine.
;;
;; It is runBatchLoop (src/simulate-run.ts) cut down to what the team case uses: one total (no
;; backlog range, split rates, risks, lead times or dependencies), burn-down stride 1 and bin
;; width 1, no kept runs, output arrays big enough never to grow. Same xoshiro128** step, same
;; branch-free alias draw, same IEEE double arithmetic in the same order, so its batches are bit
;; for bit the JavaScript ones (bench/wasm-batch.ts checks that before it times anything).
;;
;; Why the burn-down fill is a second pass over the run's trace, as in JavaScript: incrementing
;; the histogram inside the week loop measured 0.81× of JavaScript's CPU against 0.59× for this.
;;
;; Memory: every array sits at a byte offset the caller passes (see bench/wasm-batch.ts).
(module
  (memory (export "mem") 64)
  (global $g0 (export "s0") (mut i32) (i32.const 0))
  (global $g1 (export "s1") (mut i32) (i32.const 0))
  (global $g2 (export "s2") (mut i32) (i32.const 0))
  (global $g3 (export "s3") (mut i32) (i32.const 0))
  (global $rows (export "rows") (mut i32) (i32.const 0))
  ;; layout (byte offsets) passed as params
  (func (export "run")
    (param $runs i32) (param $total f64) (param $totalI i32) (param $nSeg i32)
    (param $shift i32) (param $mask i32) (param $limit i32) (param $bins i32) (param $at30 i32)
    (param $P i32) (param $TH i32) (param $SF i32) (param $SC i32) (param $THR i32) (param $TR i32)
    (param $WH i32) (param $EH i32) (param $BD i32) (param $FA i32) (param $I30 i32) (param $TC i32)
    (result i32)
    (local $r i32) (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $rem f64) (local $effort i32) (local $lw i32) (local $seg i32) (local $next f64)
    (local $factor f64) (local $contrib i32) (local $segWeek i32) (local $u i32) (local $m5 i32)
    (local $t9 i32) (local $col i32) (local $finished i32) (local $unfinished i32) (local $w i32)
    (local $base i32) (local $done30 i32) (local $a i32) (local $firstNext f64)
    (local.set $s0 (global.get $g0)) (local.set $s1 (global.get $g1))
    (local.set $s2 (global.get $g2)) (local.set $s3 (global.get $g3))
    (local.set $firstNext
      (if (result f64) (i32.gt_s (local.get $nSeg) (i32.const 1))
        (then (f64.load (i32.add (local.get $THR) (i32.const 8)))) (else (f64.const -1))))
    (block $runsDone
      (loop $runLoop
        (br_if $runsDone (i32.ge_s (local.get $r) (local.get $runs)))
        (local.set $rem (local.get $total))
        (local.set $effort (i32.const 0))
        (local.set $lw (i32.const 0))
        (local.set $finished (i32.const 1))
        (local.set $seg (i32.const 0))
        (local.set $next (local.get $firstNext))
        (local.set $factor (f64.load (local.get $SF)))
        (local.set $contrib (i32.load (local.get $SC)))
        (local.set $segWeek (i32.const 0))
        (block $weeksDone
          (loop $week
            (br_if $weeksDone (f64.le (local.get $rem) (f64.const 0)))
            (if (i32.ge_s (local.get $lw) (local.get $limit))
              (then (local.set $finished (i32.const 0)) (br $weeksDone)))
            (i32.store (i32.add (local.get $TR) (i32.shl (local.get $lw) (i32.const 2)))
              (i32.trunc_f64_s (f64.ceil (local.get $rem))))
            (if (f64.le (local.get $rem) (local.get $next))
              (then
                (local.set $effort (i32.add (local.get $effort)
                  (i32.mul (i32.sub (local.get $lw) (local.get $segWeek)) (local.get $contrib))))
                (local.set $segWeek (local.get $lw))
                (loop $adv
                  (local.set $seg (i32.add (local.get $seg) (i32.const 1)))
                  (local.set $next
                    (if (result f64) (i32.lt_s (i32.add (local.get $seg) (i32.const 1)) (local.get $nSeg))
                      (then (f64.load (i32.add (local.get $THR)
                        (i32.shl (i32.add (local.get $seg) (i32.const 1)) (i32.const 3)))))
                      (else (f64.const -1))))
                  (br_if $adv (f64.le (local.get $rem) (local.get $next))))
                (local.set $factor (f64.load (i32.add (local.get $SF) (i32.shl (local.get $seg) (i32.const 3)))))
                (local.set $contrib (i32.load (i32.add (local.get $SC) (i32.shl (local.get $seg) (i32.const 2)))))))
            ;; xoshiro128**
            (local.set $m5 (i32.mul (local.get $s1) (i32.const 5)))
            (local.set $u (i32.mul (i32.rotl (local.get $m5) (i32.const 7)) (i32.const 9)))
            (local.set $t9 (i32.shl (local.get $s1) (i32.const 9)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
            (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
            (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
            (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
            (local.set $s2 (i32.xor (local.get $s2) (local.get $t9)))
            (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
            (local.set $col (i32.shr_u (local.get $u) (local.get $shift)))
            (local.set $rem (f64.sub (local.get $rem)
              (f64.mul
                (f64.load (i32.add (local.get $P) (i32.shl
                  (i32.add (i32.shl (local.get $col) (i32.const 1))
                    (i32.shr_u (i32.sub (i32.and (local.get $u) (local.get $mask))
                      (i32.load (i32.add (local.get $TH) (i32.shl (local.get $col) (i32.const 2)))))
                      (i32.const 31)))
                  (i32.const 3))))
                (local.get $factor))))
            (local.set $lw (i32.add (local.get $lw) (i32.const 1)))
            (br $week)))
        (local.set $effort (i32.add (local.get $effort)
          (i32.mul (i32.sub (local.get $lw) (local.get $segWeek)) (local.get $contrib))))
        ;; items by 30 days (no lead weeks)
        (local.set $done30
          (if (result i32) (i32.lt_s (local.get $at30) (local.get $lw))
            (then (i32.sub (local.get $totalI)
              (i32.load (i32.add (local.get $TR) (i32.shl (local.get $at30) (i32.const 2))))))
            (else (if (result i32) (local.get $finished)
              (then (local.get $totalI))
              (else (i32.sub (local.get $totalI) (i32.trunc_f64_s (f64.ceil (local.get $rem)))))))))
        (local.set $a (i32.add (local.get $I30) (i32.shl (local.get $done30) (i32.const 2))))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (if (i32.gt_s (local.get $lw) (global.get $rows)) (then (global.set $rows (local.get $lw))))
        ;; burn-down fill
        (local.set $w (i32.const 0))
        (local.set $base (local.get $BD))
        (block $fillDone
          (loop $fill
            (br_if $fillDone (i32.ge_s (local.get $w) (local.get $lw)))
            (local.set $a (i32.add (local.get $base)
              (i32.shl (i32.load (i32.add (local.get $TR) (i32.shl (local.get $w) (i32.const 2)))) (i32.const 2))))
            (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
            (local.set $base (i32.add (local.get $base) (i32.shl (local.get $bins) (i32.const 2))))
            (local.set $w (i32.add (local.get $w) (i32.const 1)))
            (br $fill)))
        (if (local.get $finished)
          (then
            (local.set $a (i32.add (local.get $FA) (i32.shl (local.get $lw) (i32.const 2))))
            (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1))))
          (else (local.set $unfinished (i32.add (local.get $unfinished) (i32.const 1)))))
        (local.set $a (i32.add (local.get $WH) (i32.shl (local.get $lw) (i32.const 2))))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32.add (local.get $TC) (i32.shl (local.get $totalI) (i32.const 2))))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $a (i32.add (local.get $EH) (i32.shl (local.get $effort) (i32.const 2))))
        (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $runLoop)))
    (global.set $g0 (local.get $s0)) (global.set $g1 (local.get $s1))
    (global.set $g2 (local.get $s2)) (global.set $g3 (local.get $s3))
    (local.get $unfinished)))
