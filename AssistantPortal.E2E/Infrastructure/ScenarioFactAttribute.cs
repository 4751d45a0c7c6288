using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AssistantPortal.E2E.Infrastructure;

/// <summary>
/// A <see cref="FactAttribute"/> for browser scenarios: when the test method fails, the test class gets a
/// chance to record what the browser showed (<see cref="ICaptureOnFailure"/>) before it is disposed.
/// xunit 2 tells a test class nothing about its outcome, so this hooks the one place that knows it.
/// </summary>
[XunitTestCaseDiscoverer("AssistantPortal.E2E.Infrastructure.ScenarioFactDiscoverer", "AssistantPortal.E2E")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioFactAttribute : FactAttribute;

/// <summary>A test class that can save evidence (screenshots, page text) when its test method failed.</summary>
public interface ICaptureOnFailure
{
    Task CaptureFailureAsync(string testName);
}

public sealed class ScenarioFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new ScenarioTestCase(
            diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class ScenarioTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestCase()
    {
    }

    public ScenarioTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    public override Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new ScenarioTestCaseRunner(
            this, DisplayName, SkipReason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellationTokenSource).RunAsync();
}

internal sealed class ScenarioTestCaseRunner(
    IXunitTestCase testCase, string displayName, string skipReason, object[] constructorArguments, object[] testMethodArguments,
    IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTestCaseRunner(testCase, displayName, skipReason, constructorArguments, testMethodArguments, messageBus, aggregator, cancellationTokenSource)
{
    protected override XunitTestRunner CreateTestRunner(
        ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod,
        object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        new ScenarioTestRunner(
            test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes,
            new ExceptionAggregator(aggregator), cancellationTokenSource);
}

internal sealed class ScenarioTestRunner(
    ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod,
    object[] testMethodArguments, string skipReason, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
    ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource)
{
    protected override Task<decimal> InvokeTestMethodAsync(ExceptionAggregator aggregator) =>
        new ScenarioTestInvoker(
            Test, MessageBus, TestClass, ConstructorArguments, TestMethod, TestMethodArguments, BeforeAfterAttributes,
            aggregator, CancellationTokenSource).RunAsync();
}

internal sealed class ScenarioTestInvoker(
    ITest test, IMessageBus messageBus, Type testClass, object[] constructorArguments, MethodInfo testMethod,
    object[] testMethodArguments, IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
    ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    : XunitTestInvoker(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, beforeAfterAttributes, aggregator, cancellationTokenSource)
{
    protected override async Task<decimal> InvokeTestMethodAsync(object testClassInstance)
    {
        var elapsed = await base.InvokeTestMethodAsync(testClassInstance);
        if (Aggregator.HasExceptions && testClassInstance is ICaptureOnFailure capture)
        {
            try
            {
                await capture.CaptureFailureAsync(Test.DisplayName);
            }
            catch (Exception e)
            {
                // Evidence is a courtesy: never let it hide the test's own failure.
                MessageBus.QueueMessage(new TestOutput(Test, $"Could not capture failure evidence: {e.Message}{Environment.NewLine}"));
            }
        }
        return elapsed;
    }
}
