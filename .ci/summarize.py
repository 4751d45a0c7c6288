"""Totals and failure details from the TRX files of a test run.

Usage: summarize.py RESULTS_FOLDER STATUS
Prints each failed test with its message, the start of its stack trace and its output (end-to-end
tests write their screenshot paths and the app's warnings there), then the closing line
"N passed, N failed". STATUS is non-zero when a test command itself failed: a crash or a hang with
no failed test in the TRX still counts as one failure. Exits 1 when anything failed.
"""
import glob, sys, xml.etree.ElementTree as ET
folder, status = sys.argv[1], int(sys.argv[2])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

def text(node, path):
    found = node.find(path, ns)
    return (found.text or "").strip() if found is not None else ""

def excerpt(value, lines):
    parts = value.splitlines()
    return parts[:lines] + (["    ..."] if len(parts) > lines else [])

passed = failed = 0
failures = []
for f in sorted(glob.glob(f"{folder}/**/*.trx", recursive=True)):
    root = ET.parse(f).getroot()
    counters = root.find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    # Anything that ran and did not pass counts as a failure (failed, error, timeout, aborted, ...).
    failed += int(counters.get("executed", 0)) - int(counters.get("passed", 0))
    for result in root.iterfind("t:Results/t:UnitTestResult", ns):
        if result.get("outcome") not in ("Passed", "NotExecuted"):
            run = f.rsplit("/", 1)[-1].removesuffix(".trx")
            failures.append((f"{result.get('testName')} ({run})", result.get("outcome"), result))
    for message in root.iterfind("t:ResultSummary/t:RunInfos/t:RunInfo", ns):
        # Lines the runner echoes from a failed test are covered above; keep aborts and crashes.
        if message.get("outcome") == "Error" and not text(message, "t:Text").startswith("[xUnit.net"):
            failures.append((f"run of {f.rsplit('/', 1)[-1]}", "Error", message))

# When the blame collector stops a hung or crashed test host, the TRX may not name the test that
# was running; its sequence file does (Completed="False").
for f in sorted(glob.glob(f"{folder}/**/Sequence_*.xml", recursive=True)):
    for test in ET.parse(f).getroot().iterfind("Test"):
        if test.get("Completed") == "False" and all(test.get("Name") != known for known, _, _ in failures):
            failures.append((test.get("Name"), "did not finish: hang or crash", None))

if failures:
    print()
    print("==== Failures")
    for name, outcome, node in failures:
        print(f"--- {name} [{outcome}]")
        if node is None:
            continue
        for line in excerpt(text(node, "t:Output/t:ErrorInfo/t:Message") or text(node, "t:Text"), 25):
            print("    " + line)
        for line in excerpt(text(node, "t:Output/t:ErrorInfo/t:StackTrace"), 6):
            print("    " + line)
        output = text(node, "t:Output/t:StdOut")
        if output:
            print("    output:")
            for line in excerpt(output, 40):
                print("      " + line)
    print()

if status != 0 and failed == 0:
    failed = 1  # a crash, a hang or a project that produced no results still fails the run
if passed + failed == 0:
    failed = 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
