using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>Clicking what a component renders after an asynchronous step (a database call, a dialog opening).</summary>
public static class BunitClicks
{
    /// <summary>
    /// Waits until <paramref name="find"/> finds the element, then clicks it. A render that lands between finding and
    /// clicking retires the handler found (nothing ran); the element is then found again and clicked once more.
    /// With a fast database the render has usually landed before the test looks; with a server over the network it
    /// has not, so tests that click after an asynchronous step go through here.
    /// </summary>
    public static void ClickWhenReady<TComponent>(this IRenderedComponent<TComponent> cut, Func<IElement> find, TimeSpan? wait = null)
        where TComponent : IComponent
    {
        cut.WaitForAssertion(() => find(), wait ?? TimeSpan.FromSeconds(5));
        try
        {
            find().Click();
        }
        catch (UnknownEventHandlerIdException)
        {
            find().Click();
        }
    }
}
