using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantPortal.Infrastructure.ClusterEvents;

public static class PostgreSqlEventRelayExtensions
{
    /// <summary>
    /// Carries live updates between instances through PostgreSQL (<see cref="PostgreSqlEventRelay"/>), in place of
    /// the single-instance <see cref="NoClusterEventCarrier"/>. Works whether it is called before or after the
    /// features that register the no-op default.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="connectionString">The PostgreSQL database the instances share.</param>
    /// <param name="configure">Adjusts the defaults (channel, listener name, back-off); tests use a channel of their own.</param>
    public static IServiceCollection AddPostgreSqlEventRelay(
        this IServiceCollection services, string connectionString, Action<PostgreSqlEventRelayOptions>? configure = null)
    {
        var options = new PostgreSqlEventRelayOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        options.Validate();

        services.RemoveAll<IClusterEventCarrier>();
        services.AddSingleton(sp => new PostgreSqlEventRelay(options, sp.GetRequiredService<ILogger<PostgreSqlEventRelay>>()));
        services.AddSingleton<IClusterEventCarrier>(sp => sp.GetRequiredService<PostgreSqlEventRelay>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlEventRelay>());
        return services;
    }

    /// <summary>The single-instance default: registered by each feature whose events a carrier may carry.</summary>
    internal static IServiceCollection TryAddNoClusterEventCarrier(this IServiceCollection services)
    {
        services.TryAddSingleton<IClusterEventCarrier>(NoClusterEventCarrier.Instance);
        return services;
    }
}
