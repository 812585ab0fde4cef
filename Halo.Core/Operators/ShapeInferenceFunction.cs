namespace Halo.Core.Operators;

/// <summary>
/// Refines the output types of one operation. Called after the default element-type inference from type
/// constraints; reports inconsistencies with <see cref="InferenceContext.Fail"/>, never throws on bad input.
/// </summary>
public delegate void ShapeInferenceFunction(InferenceContext context);
