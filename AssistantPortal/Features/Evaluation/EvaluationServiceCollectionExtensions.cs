namespace AssistantPortal.Features.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Evaluation regression testing (SPEC §8.4). Needs the knowledge and chat services
    /// (<c>AddKnowledgeAndChat</c>) for retrieval and the chat engines.
    /// </summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddSingleton<EvaluationEngine>();
        services.AddScoped<ListTestCases>();
        services.AddScoped<SaveTestCase>();
        services.AddScoped<DeleteTestCase>();
        services.AddScoped<RunEvaluation>();
        services.AddScoped<ListEvaluationRuns>();
        services.AddScoped<CompareEvaluationRuns>();
        return services;
    }
}
