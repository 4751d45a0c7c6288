using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// Acting on what a component renders after an asynchronous step (a database call, a dialog opening, a search).
/// </summary>
/// <remarks>
/// With SQLite the database calls complete synchronously, so a handler has finished and rendered by the time
/// <c>Click()</c> returns; with PostgreSQL the handler really yields and its render lands later, on another thread.
/// An element found on the test thread can then be stale by the time the event is dispatched (its handler retired
/// by a render in between: <see cref="UnknownEventHandlerIdException"/>). These helpers wait until the element is
/// there, then find it and raise the event in one step on the renderer's dispatcher, where no render can land in
/// between.
/// </remarks>
public static class BunitClicks
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    /// <summary>Waits until <paramref name="find"/> finds the element, then clicks it.</summary>
    public static void ClickWhenReady<TComponent>(this IRenderedComponent<TComponent> cut, Func<IElement> find, TimeSpan? wait = null)
        where TComponent : IComponent =>
        cut.ActWhenReady(find, e => e.Click(), wait);

    /// <summary>Waits until <paramref name="find"/> finds the element, then raises its change event with <paramref name="value"/>.</summary>
    public static void ChangeWhenReady<TComponent>(this IRenderedComponent<TComponent> cut, Func<IElement> find, string value, TimeSpan? wait = null)
        where TComponent : IComponent =>
        cut.ActWhenReady(find, e => e.Change(value), wait);

    /// <summary>Waits until <paramref name="find"/> finds the element, then raises its input event with <paramref name="value"/>.</summary>
    public static void InputWhenReady<TComponent>(this IRenderedComponent<TComponent> cut, Func<IElement> find, string value, TimeSpan? wait = null)
        where TComponent : IComponent =>
        cut.ActWhenReady(find, e => e.Input(value), wait);

    /// <summary>Waits until <paramref name="find"/> finds the form, then submits it.</summary>
    public static void SubmitWhenReady<TComponent>(this IRenderedComponent<TComponent> cut, Func<IElement> find, TimeSpan? wait = null)
        where TComponent : IComponent =>
        cut.ActWhenReady(find, e => e.Submit(), wait);

    /// <summary>
    /// Waits until <paramref name="find"/> finds the element, then finds it again and acts on it on the renderer's
    /// dispatcher, so the element acted on is the one of the latest render. If a render removed it between the wait
    /// and the act (nothing ran), waits for it again.
    /// </summary>
    public static void ActWhenReady<TComponent>(this IRenderedComponent<TComponent> cut, Func<IElement> find, Action<IElement> act, TimeSpan? wait = null)
        where TComponent : IComponent
    {
        var limit = wait ?? DefaultWait;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            cut.WaitForAssertion(() => find(), limit);
            var acted = false;
            cut.InvokeAsync(() =>
            {
                IElement element;
                try
                {
                    element = find();
                }
                catch (Exception) when (DateTime.UtcNow < deadline)
                {
                    return;
                }
                act(element);
                acted = true;
            }).GetAwaiter().GetResult();
            if (acted)
            {
                return;
            }
        }
    }
}
