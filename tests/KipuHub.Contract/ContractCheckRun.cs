namespace KipuHub.Contract;

/// <summary>
/// The base of a test project's set-up fixture (declare one in the project's root namespace): installs the contract
/// checks before any test and, after the last one, writes <c>contract-report.md</c> next to the test assembly and fails
/// the run on any violation.
/// </summary>
public abstract class ContractCheckRun
{
    /// <summary>True in the project whose tests must exercise every operation the emulator implements.</summary>
    protected virtual bool RequireEveryImplementedOperation => false;

    /// <summary>Installs the checks.</summary>
    [OneTimeSetUp]
    public void InstallContractChecks() => ContractChecks.Install();

    /// <summary>
    /// Reports, then asserts: no violation; and, when every test of the project ran (not a <c>--filter</c> run), that
    /// traffic was seen and, if required, that every implemented operation was exercised.
    /// </summary>
    [OneTimeTearDown]
    public void AssertContract()
    {
        ContractChecks.Uninstall();
        if (!ContractChecks.Enabled)
        {
            return;
        }

        var title = GetType().Assembly.GetName().Name ?? "tests";
        var complete = RanEveryTest();
        var report = ContractChecks.Report(title) + (complete
            ? $"\nEvery test of the project ran: coverage of the implemented operations {(RequireEveryImplementedOperation ? "asserted" : "reported only")}.\n"
            : "\nA filtered run: coverage not asserted.\n");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "contract-report.md"), report);
        var ledger = ContractChecks.Ledger;
        TestContext.Progress.WriteLine($"Contract checks ({title}): {ledger.Exchanges} exchanges, {ledger.ValidatedByOperation.Count} operations, {ledger.Violations.Count} violations; report: {Path.Combine(AppContext.BaseDirectory, "contract-report.md")}");
        Assert.That(ledger.Violations, Is.Empty, "The emulator traffic breaks the specs:\n" + string.Join("\n", ledger.Violations.Take(50)));
        if (!complete)
        {
            return;
        }

        Assert.That(ledger.Exchanges, Is.GreaterThan(0), "The contract checks saw no traffic: is the tap still attached to the emulator?");
        if (RequireEveryImplementedOperation)
        {
            Assert.That(ContractChecks.UnexercisedImplementedOperations(), Is.Empty, "Operations the emulator implements that no test exercised with validated traffic.");
        }
    }

    // Coverage is a property of the whole project's run; a --filter run of a few tests would always miss operations.
    private static bool RanEveryTest()
    {
        var result = TestContext.CurrentContext.Result;
        var ran = result.PassCount + result.FailCount + result.SkipCount + result.InconclusiveCount + result.WarningCount;
        var all = NUnit.Framework.Internal.TestExecutionContext.CurrentContext.CurrentTest.TestCaseCount;
        return ran == all;
    }
}
