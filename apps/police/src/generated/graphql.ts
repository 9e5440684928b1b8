import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PoliceReportRow, VideoInterviewRow, SuspectRow, CaseRef } from '../data/rows.ts';
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

/** The coordinated case, owned by the børnehus subgraph. The police add the police report. */
export type BoernehusCase = {
  __typename?: 'BoernehusCase';
  id: Scalars['ID']['output'];
  /** The police report for the case, if it was reported to the police. */
  policeReport: Maybe<PoliceReport>;
};

export type BookVideoInterviewInput = {
  custodyConsent: CustodyConsent;
  interviewerName?: InputMaybe<Scalars['String']['input']>;
  /** Set when an objection does not bind, e.g. the objecting custody holder is the suspect. */
  objectionOverridden?: InputMaybe<Scalars['Boolean']['input']>;
  policeReportId: Scalars['ID']['input'];
  scheduledAt: Scalars['DateTime']['input'];
};

export type CancelVideoInterviewInput = {
  interviewId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

/** What the police know of the custody holders' consent when booking a video interview. */
export type CustodyConsent =
  | 'GIVEN'
  | 'NOT_REQUIRED'
  | 'OBJECTED';

export type FilePoliceReportInput = {
  caseId: Scalars['ID']['input'];
  district: Scalars['String']['input'];
  journalNumber: Scalars['String']['input'];
  reportedAt: Scalars['DateTime']['input'];
};

export type InvestigationStatus =
  | 'CHARGED'
  | 'CLOSED'
  | 'DROPPED'
  | 'OPEN';

export type Mutation = {
  __typename?: 'Mutation';
  bookVideoInterview: VideoInterview;
  cancelVideoInterview: VideoInterview;
  filePoliceReport: PoliceReport;
  recordInvestigationDecision: PoliceReport;
  recordSuspect: Suspect;
  recordVideoInterviewHeld: VideoInterview;
};


export type MutationBookVideoInterviewArgs = {
  input: BookVideoInterviewInput;
};


export type MutationCancelVideoInterviewArgs = {
  input: CancelVideoInterviewInput;
};


export type MutationFilePoliceReportArgs = {
  input: FilePoliceReportInput;
};


export type MutationRecordInvestigationDecisionArgs = {
  input: RecordInvestigationDecisionInput;
};


export type MutationRecordSuspectArgs = {
  input: RecordSuspectInput;
};


export type MutationRecordVideoInterviewHeldArgs = {
  input: RecordVideoInterviewHeldInput;
};

export type PoliceReport = {
  __typename?: 'PoliceReport';
  caseId: Scalars['ID']['output'];
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  /** Police district code, e.g. KBH. */
  district: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  investigationStatus: InvestigationStatus;
  journalNumber: Scalars['String']['output'];
  reportedAt: Scalars['DateTime']['output'];
  /** The suspects' relation to the child, by category only: never who they are. */
  suspectRelations: Array<SuspectRelation>;
  suspects: Array<Suspect>;
  videoInterviews: Array<VideoInterview>;
};

export type Query = {
  __typename?: 'Query';
  policeReport: Maybe<PoliceReport>;
  videoInterview: Maybe<VideoInterview>;
};


export type QueryPoliceReportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVideoInterviewArgs = {
  id: Scalars['ID']['input'];
};

export type RecordInvestigationDecisionInput = {
  decidedAt: Scalars['DateTime']['input'];
  policeReportId: Scalars['ID']['input'];
  status: InvestigationStatus;
};

export type RecordSuspectInput = {
  name: Scalars['String']['input'];
  policeReportId: Scalars['ID']['input'];
  relation: SuspectRelation;
};

export type RecordVideoInterviewHeldInput = {
  heldAt: Scalars['DateTime']['input'];
  interviewId: Scalars['ID']['input'];
  observers: Array<Sector>;
  version: Scalars['Int']['input'];
};

export type Sector =
  | 'BOERNEHUS'
  | 'HEALTH'
  | 'MUNICIPALITY'
  | 'NATIONAL'
  | 'POLICE';

export type Suspect = {
  __typename?: 'Suspect';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  relation: SuspectRelation;
};

export type SuspectRelation =
  | 'KNOWN_ADULT'
  | 'OTHER_FAMILY'
  | 'PARENT'
  | 'PEER'
  | 'SIBLING'
  | 'STEP_PARENT'
  | 'STRANGER'
  | 'UNKNOWN';

export type VideoInterview = {
  __typename?: 'VideoInterview';
  cancellationReason: Maybe<Scalars['String']['output']>;
  heldAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  interviewerName: Maybe<Scalars['String']['output']>;
  /** Who watched from the monitor room, by sector. */
  observers: Array<Sector>;
  policeReportId: Scalars['ID']['output'];
  scheduledAt: Scalars['DateTime']['output'];
  status: VideoInterviewStatus;
  /** Increases on every change: send it back to update (optimistic concurrency). */
  version: Scalars['Int']['output'];
};

export type VideoInterviewStatus =
  | 'BOOKED'
  | 'CANCELLED'
  | 'HELD';



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
  BookVideoInterviewInput: BookVideoInterviewInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelVideoInterviewInput: CancelVideoInterviewInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CustodyConsent: CustodyConsent;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FilePoliceReportInput: FilePoliceReportInput;
  InvestigationStatus: InvestigationStatus;
  Mutation: ResolverTypeWrapper<{}>;
  PoliceReport: ResolverTypeWrapper<PoliceReportRow>;
  Query: ResolverTypeWrapper<{}>;
  RecordInvestigationDecisionInput: RecordInvestigationDecisionInput;
  RecordSuspectInput: RecordSuspectInput;
  RecordVideoInterviewHeldInput: RecordVideoInterviewHeldInput;
  Sector: Sector;
  Suspect: ResolverTypeWrapper<SuspectRow>;
  SuspectRelation: SuspectRelation;
  VideoInterview: ResolverTypeWrapper<VideoInterviewRow>;
  VideoInterviewStatus: VideoInterviewStatus;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BoernehusCase: CaseRef;
  ID: Scalars['ID']['output'];
  BookVideoInterviewInput: BookVideoInterviewInput;
  Boolean: Scalars['Boolean']['output'];
  CancelVideoInterviewInput: CancelVideoInterviewInput;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  FilePoliceReportInput: FilePoliceReportInput;
  Mutation: {};
  PoliceReport: PoliceReportRow;
  Query: {};
  RecordInvestigationDecisionInput: RecordInvestigationDecisionInput;
  RecordSuspectInput: RecordSuspectInput;
  RecordVideoInterviewHeldInput: RecordVideoInterviewHeldInput;
  Suspect: SuspectRow;
  VideoInterview: VideoInterviewRow;
  String: Scalars['String']['output'];
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
  policeReport?: Resolver<Maybe<ResolversTypes['PoliceReport']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  bookVideoInterview?: Resolver<ResolversTypes['VideoInterview'], ParentType, ContextType, RequireFields<MutationBookVideoInterviewArgs, 'input'>>;
  cancelVideoInterview?: Resolver<ResolversTypes['VideoInterview'], ParentType, ContextType, RequireFields<MutationCancelVideoInterviewArgs, 'input'>>;
  filePoliceReport?: Resolver<ResolversTypes['PoliceReport'], ParentType, ContextType, RequireFields<MutationFilePoliceReportArgs, 'input'>>;
  recordInvestigationDecision?: Resolver<ResolversTypes['PoliceReport'], ParentType, ContextType, RequireFields<MutationRecordInvestigationDecisionArgs, 'input'>>;
  recordSuspect?: Resolver<ResolversTypes['Suspect'], ParentType, ContextType, RequireFields<MutationRecordSuspectArgs, 'input'>>;
  recordVideoInterviewHeld?: Resolver<ResolversTypes['VideoInterview'], ParentType, ContextType, RequireFields<MutationRecordVideoInterviewHeldArgs, 'input'>>;
};

export type PoliceReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PoliceReport'] = ResolversParentTypes['PoliceReport']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PoliceReport']>, { __typename: 'PoliceReport' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  district?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  investigationStatus?: Resolver<ResolversTypes['InvestigationStatus'], ParentType, ContextType>;
  journalNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reportedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  suspectRelations?: Resolver<Array<ResolversTypes['SuspectRelation']>, ParentType, ContextType>;
  suspects?: Resolver<Array<ResolversTypes['Suspect']>, ParentType, ContextType>;
  videoInterviews?: Resolver<Array<ResolversTypes['VideoInterview']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  policeReport?: Resolver<Maybe<ResolversTypes['PoliceReport']>, ParentType, ContextType, RequireFields<QueryPoliceReportArgs, 'id'>>;
  videoInterview?: Resolver<Maybe<ResolversTypes['VideoInterview']>, ParentType, ContextType, RequireFields<QueryVideoInterviewArgs, 'id'>>;
};

export type SuspectResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Suspect'] = ResolversParentTypes['Suspect']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['SuspectRelation'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type VideoInterviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VideoInterview'] = ResolversParentTypes['VideoInterview']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['VideoInterview']>, { __typename: 'VideoInterview' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  heldAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interviewerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  observers?: Resolver<Array<ResolversTypes['Sector']>, ParentType, ContextType>;
  policeReportId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scheduledAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['VideoInterviewStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  BoernehusCase?: BoernehusCaseResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PoliceReport?: PoliceReportResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Suspect?: SuspectResolvers<ContextType>;
  VideoInterview?: VideoInterviewResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  interfaceObject?: InterfaceObjectDirectiveResolver<any, any, ContextType>;
  policy?: PolicyDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
