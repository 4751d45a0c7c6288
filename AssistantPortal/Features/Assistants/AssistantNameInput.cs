using System.ComponentModel.DataAnnotations;
using AssistantPortal.Data.Configurations;

namespace AssistantPortal.Features.Assistants;

/// <summary>The name and description every assistant form validates the same way (creating it, its Settings tab).</summary>
public abstract class AssistantNameInput
{
        [Required(ErrorMessage = "Enter a name.")]
        [StringLength(Lengths.Name, ErrorMessage = "The name can be at most {1} characters long.")]
        public string Name { get; set; } = "";

        [StringLength(Lengths.Description, ErrorMessage = "The description can be at most {1} characters long.")]
        public string Description { get; set; } = "";
}
