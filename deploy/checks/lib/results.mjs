// Check results in one shape, printed TAP-style; scripts/check-deploy.sh counts the lines.
//   ok - NAME | not ok - NAME: WHY | ok - NAME # SKIP WHY

/** A check result: error null means passed; skip set means not applicable here. */
export const passed = (name) => ({ name, error: null });
export const failed = (name, error) => ({ name, error });
export const skipped = (name, why) => ({ name, error: null, skip: why });

/** Evaluates a condition as a result: ok when cond is true, else failed with the message. */
export const expect = (name, cond, message) => (cond ? passed(name) : failed(name, message));

/** Prints results and returns how many failed. */
export function report(results) {
  let failures = 0;
  for (const r of results) {
    if (r.skip) console.log(`ok - ${r.name} # SKIP ${r.skip}`);
    else if (r.error) {
      failures++;
      console.log(`not ok - ${r.name}: ${r.error}`);
    } else console.log(`ok - ${r.name}`);
  }
  return failures;
}
