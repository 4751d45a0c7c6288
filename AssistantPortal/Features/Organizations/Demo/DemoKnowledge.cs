namespace AssistantPortal.Features.Organizations;

/// <summary>The demo assistants' knowledge bases (plain text, as if uploaded as Markdown).</summary>
internal static class DemoKnowledge
{
    public const string SupportHandbook = """
        Support handbook

        To reset your password, open the sign-in page and choose Forgot password. The reset link arrives by email and expires after one hour.

        Support hours are Monday to Friday, 8:00 to 18:00 Central European Time. Urgent outages are handled around the clock by the on-call engineer.

        Refunds are possible within 30 days of purchase. Ask the customer for the order number and forward the request to billing@contoso.example.

        To escalate a ticket, set its priority to High and assign it to the Support team lead. Escalated tickets get a first answer within four hours.
        """;

    public const string Faq = """
        Frequently asked questions

        Contoso ships to every country in the European Union. Delivery takes three to five working days.

        You can return any product within 30 days for a full refund. Use the return label in your order confirmation.

        Our customer service answers emails within one working day. Write to help@contoso.example.
        """;

    public const string WikiIndex = """
        Wiki index

        The onboarding checklist lives on the page New joiners. It lists the accounts to request and the trainings to book.

        Travel expenses are claimed through the Expenses page within 60 days of the trip, with receipts attached.

        The holiday calendar is on the page Time off. Requests need the approval of your team lead.
        """;
}
