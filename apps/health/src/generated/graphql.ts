import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MedicalExaminationRow, OnwardReferralRow, CaseRef } from '../data/rows.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: any; output: any; }
};

export type BoernehusCase = {
  __typename?: 'BoernehusCase';
  id: Scalars['ID']['output'];
  /** The child's medical examinations in the case, earliest scheduled first. */
  medicalExaminations: Array<MedicalExamination>;
  /** Onward referrals made from the case's examinations, earliest first. */
  onwardReferrals: Array<OnwardReferral>;
};

export type CancelMedicalExaminationInput = {
  examinationId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

/** Which examination: the initial health assessment, or a forensic, somatic or paediatric examination. */
export type ExaminationKind =
  | 'FORENSIC'
  | 'INITIAL_ASSESSMENT'
  | 'PEDIATRIC'
  | 'SOMATIC';

export type MedicalExamination = {
  __typename?: 'MedicalExamination';
  /** Why it was cancelled. Health-only: the reason may be clinical (e.g. the child was admitted). */
  cancellationReason: Maybe<Scalars['String']['output']>;
  caseId: Scalars['ID']['output'];
  /** The clinical record of the examination: health care only. */
  clinicalDetails: Maybe<Scalars['String']['output']>;
  /** What the examination found, in words fit for the samråd: null until it is performed. */
  findingsSummary: Maybe<Scalars['String']['output']>;
  hospitalRegion: Region;
  id: Scalars['ID']['output'];
  kind: ExaminationKind;
  onwardReferrals: Array<OnwardReferral>;
  performedAt: Maybe<Scalars['DateTime']['output']>;
  physicianName: Maybe<Scalars['String']['output']>;
  scheduledAt: Scalars['DateTime']['output'];
  status: MedicalExaminationStatus;
  /** The hospital unit, e.g. Rigshospitalet, Børneafdelingen. */
  unit: Scalars['String']['output'];
  /** Increases on every change: send it back to update (optimistic concurrency). */
  version: Scalars['Int']['output'];
};

/** SCHEDULED → PERFORMED, or SCHEDULED → CANCELLED. Both are final. */
export type MedicalExaminationStatus =
  | 'CANCELLED'
  | 'PERFORMED'
  | 'SCHEDULED';

export type Mutation = {
  __typename?: 'Mutation';
  cancelMedicalExamination: MedicalExamination;
  recordMedicalExaminationPerformed: MedicalExamination;
  referOnward: OnwardReferral;
  scheduleMedicalExamination: MedicalExamination;
};


export type MutationCancelMedicalExaminationArgs = {
  input: CancelMedicalExaminationInput;
};


export type MutationRecordMedicalExaminationPerformedArgs = {
  input: RecordMedicalExaminationPerformedInput;
};


export type MutationReferOnwardArgs = {
  input: ReferOnwardInput;
};


export type MutationScheduleMedicalExaminationArgs = {
  input: ScheduleMedicalExaminationInput;
};

/** A referral onward from a performed examination, e.g. to child psychiatry. */
export type OnwardReferral = {
  __typename?: 'OnwardReferral';
  caseId: Scalars['ID']['output'];
  examinationId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  referredAt: Scalars['DateTime']['output'];
  target: OnwardReferralTarget;
};

export type OnwardReferralTarget =
  | 'CHILD_PSYCHIATRY'
  | 'GENERAL_PRACTITIONER'
  | 'OTHER'
  | 'PEDIATRICS';

export type Query = {
  __typename?: 'Query';
  medicalExamination: Maybe<MedicalExamination>;
};


export type QueryMedicalExaminationArgs = {
  id: Scalars['ID']['input'];
};

export type RecordMedicalExaminationPerformedInput = {
  /** Leave out (or blank) when there is nothing beyond the summary. */
  clinicalDetails?: InputMaybe<Scalars['String']['input']>;
  examinationId: Scalars['ID']['input'];
  findingsSummary: Scalars['String']['input'];
  performedAt: Scalars['DateTime']['input'];
  /** Who performed it, when someone else than the physician booked. */
  physicianName?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};

export type ReferOnwardInput = {
  examinationId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  referredAt: Scalars['DateTime']['input'];
  target: OnwardReferralTarget;
};

export type Region =
  | 'HOVEDSTADEN'
  | 'MIDTJYLLAND'
  | 'NORDJYLLAND'
  | 'SJAELLAND'
  | 'SYDDANMARK';

export type ScheduleMedicalExaminationInput = {
  caseId: Scalars['ID']['input'];
  hospitalRegion: Region;
  kind: ExaminationKind;
  physicianName?: InputMaybe<Scalars['String']['input']>;
  scheduledAt: Scalars['DateTime']['input'];
  /** The hospital unit, e.g. Rigshospitalet, Børneafdelingen. */
  unit: Scalars['String']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = {}, TContext = {}, TArgs = {}> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = {}, TContext = {}, TArgs = {}> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = {}, TContext = {}> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = {}, TContext = {}> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = {}, TParent = {}, TContext = {}, TArgs = {}> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  BoernehusCase: ResolverTypeWrapper<CaseRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CancelMedicalExaminationInput: CancelMedicalExaminationInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ExaminationKind: ExaminationKind;
  MedicalExamination: ResolverTypeWrapper<MedicalExaminationRow>;
  MedicalExaminationStatus: MedicalExaminationStatus;
  Mutation: ResolverTypeWrapper<{}>;
  OnwardReferral: ResolverTypeWrapper<OnwardReferralRow>;
  OnwardReferralTarget: OnwardReferralTarget;
  Query: ResolverTypeWrapper<{}>;
  RecordMedicalExaminationPerformedInput: RecordMedicalExaminationPerformedInput;
  ReferOnwardInput: ReferOnwardInput;
  Region: Region;
  ScheduleMedicalExaminationInput: ScheduleMedicalExaminationInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BoernehusCase: CaseRef;
  ID: Scalars['ID']['output'];
  CancelMedicalExaminationInput: CancelMedicalExaminationInput;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  MedicalExamination: MedicalExaminationRow;
  Mutation: {};
  OnwardReferral: OnwardReferralRow;
  Query: {};
  RecordMedicalExaminationPerformedInput: RecordMedicalExaminationPerformedInput;
  ReferOnwardInput: ReferOnwardInput;
  ScheduleMedicalExaminationInput: ScheduleMedicalExaminationInput;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = Context, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type InaccessibleDirectiveArgs = { };

export type InaccessibleDirectiveResolver<Result, Parent, ContextType = Context, Args = InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type InterfaceObjectDirectiveArgs = { };

export type InterfaceObjectDirectiveResolver<Result, Parent, ContextType = Context, Args = InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['String']['input']>>;
};

export type PolicyDirectiveResolver<Result, Parent, ContextType = Context, Args = PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['String']['input']>>;
};

export type RequiresScopesDirectiveResolver<Result, Parent, ContextType = Context, Args = RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = Context, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type BoernehusCaseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BoernehusCase'] = ResolversParentTypes['BoernehusCase']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BoernehusCase']>, { __typename: 'BoernehusCase' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  medicalExaminations?: Resolver<Array<ResolversTypes['MedicalExamination']>, ParentType, ContextType>;
  onwardReferrals?: Resolver<Array<ResolversTypes['OnwardReferral']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MedicalExaminationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MedicalExamination'] = ResolversParentTypes['MedicalExamination']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MedicalExamination']>, { __typename: 'MedicalExamination' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  clinicalDetails?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  findingsSummary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hospitalRegion?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExaminationKind'], ParentType, ContextType>;
  onwardReferrals?: Resolver<Array<ResolversTypes['OnwardReferral']>, ParentType, ContextType>;
  performedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  physicianName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scheduledAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MedicalExaminationStatus'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelMedicalExamination?: Resolver<ResolversTypes['MedicalExamination'], ParentType, ContextType, RequireFields<MutationCancelMedicalExaminationArgs, 'input'>>;
  recordMedicalExaminationPerformed?: Resolver<ResolversTypes['MedicalExamination'], ParentType, ContextType, RequireFields<MutationRecordMedicalExaminationPerformedArgs, 'input'>>;
  referOnward?: Resolver<ResolversTypes['OnwardReferral'], ParentType, ContextType, RequireFields<MutationReferOnwardArgs, 'input'>>;
  scheduleMedicalExamination?: Resolver<ResolversTypes['MedicalExamination'], ParentType, ContextType, RequireFields<MutationScheduleMedicalExaminationArgs, 'input'>>;
};

export type OnwardReferralResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OnwardReferral'] = ResolversParentTypes['OnwardReferral']> = {
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  examinationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['OnwardReferralTarget'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  medicalExamination?: Resolver<Maybe<ResolversTypes['MedicalExamination']>, ParentType, ContextType, RequireFields<QueryMedicalExaminationArgs, 'id'>>;
};

export type Resolvers<ContextType = Context> = {
  BoernehusCase?: BoernehusCaseResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  MedicalExamination?: MedicalExaminationResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OnwardReferral?: OnwardReferralResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  interfaceObject?: InterfaceObjectDirectiveResolver<any, any, ContextType>;
  policy?: PolicyDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
