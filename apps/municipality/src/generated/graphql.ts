import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ChildRow, CustodyHolderRow, NotificationRow, ChildAssessmentRow, ReferralRow, CaseworkerAssignmentRow, MeasureRow, RecommendationResponseRow, CaseRef, RecommendationRef } from '../data/rows.ts';
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
  Date: { input: string; output: string; }
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: any; output: any; }
};

export type AbuseType =
  | 'PHYSICAL'
  | 'PSYCHOLOGICAL'
  | 'SEXUAL';

export type AddCustodyHolderInput = {
  childId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  objectsToVideoInterview?: InputMaybe<Scalars['Boolean']['input']>;
  relation: CustodyRelation;
};

export type AssessNotificationInput = {
  assessedAt: Scalars['DateTime']['input'];
  notificationId: Scalars['ID']['input'];
};

export type AssignCaseworkerInput = {
  caseId: Scalars['ID']['input'];
  caseworkerName: Scalars['String']['input'];
  caseworkerSub: Scalars['String']['input'];
  from: Scalars['DateTime']['input'];
};

/** The coordinated case, owned by the børnehus subgraph. The municipality adds the child, the referral and what it decided. */
export type BoernehusCase = {
  __typename?: 'BoernehusCase';
  /** The current caseworker, or null when none is assigned. */
  caseworker: Maybe<CaseworkerAssignment>;
  /** Every caseworker assignment, oldest first (continuity of caseworkers). */
  caseworkerHistory: Array<CaseworkerAssignment>;
  /** The child the case is about (via the referral that started it). */
  child: Maybe<Child>;
  /** The child assessment (BFU) that belongs to the referral: the last decided on or before it, else the first after. */
  childAssessment: Maybe<ChildAssessment>;
  id: Scalars['ID']['output'];
  /** Measures decided for the case, oldest decision first. */
  measures: Array<Measure>;
  /** The municipality's responses to the recommendations of the final note. */
  recommendationResponses: Array<RecommendationResponse>;
  /** The municipality's referral that started the case; its caseId is this case's id. */
  referral: Maybe<Referral>;
};

export type CaseworkerAssignment = {
  __typename?: 'CaseworkerAssignment';
  caseworkerName: Scalars['String']['output'];
  caseworkerSub: Scalars['String']['output'];
  from: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Null while the assignment is current. */
  to: Maybe<Scalars['DateTime']['output']>;
};

export type Child = {
  __typename?: 'Child';
  birthDate: Scalars['Date']['output'];
  childAssessments: Array<ChildAssessment>;
  /** Synthetic CPR number, DDMMYY-SSSS. */
  cpr: Scalars['String']['output'];
  /** Shared so the police can see an objection to the video interview; names and relations stay internal. */
  custodyHolders: Array<CustodyHolder>;
  firstName: Scalars['String']['output'];
  gender: Gender;
  id: Scalars['ID']['output'];
  lastName: Scalars['String']['output'];
  /** The responsible municipality (handlekommune), four digits, e.g. 0101. */
  municipalityCode: Scalars['String']['output'];
  /** Notifications, oldest first. The 24-hour clock is shared; the source and the concern are internal. */
  notifications: Array<Notification>;
  referrals: Array<Referral>;
  /** True when any custody holder objects to a video interview. */
  videoInterviewObjection: Scalars['Boolean']['output'];
};

/** Børnefaglig undersøgelse (Barnets lov §20). */
export type ChildAssessment = {
  __typename?: 'ChildAssessment';
  completedAt: Maybe<Scalars['DateTime']['output']>;
  decidedAt: Scalars['DateTime']['output'];
  /** decidedAt + 4 calendar months (Danish time). */
  dueAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  status: ChildAssessmentStatus;
};

export type ChildAssessmentStatus =
  | 'COMPLETED'
  | 'IN_PROGRESS';

export type CompleteChildAssessmentInput = {
  childAssessmentId: Scalars['ID']['input'];
  completedAt: Scalars['DateTime']['input'];
};

/** Forældremyndighedsindehaver. */
export type CustodyHolder = {
  __typename?: 'CustodyHolder';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** A sole custody holder's objection can block the police video interview. */
  objectsToVideoInterview: Scalars['Boolean']['output'];
  relation: CustodyRelation;
};

export type CustodyRelation =
  | 'FATHER'
  | 'MOTHER'
  | 'OTHER';

export type DecideChildAssessmentInput = {
  childId: Scalars['ID']['input'];
  decidedAt: Scalars['DateTime']['input'];
};

export type DecideMeasureInput = {
  caseId: Scalars['ID']['input'];
  decidedAt: Scalars['DateTime']['input'];
  kind: MeasureKind;
  startedAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DeclineReason =
  | 'FAMILY_MOTIVATION'
  | 'NOT_NEEDED'
  | 'OTHER'
  | 'SUPPORT_ELSEWHERE';

export type EndMeasureInput = {
  endedAt: Scalars['DateTime']['input'];
  measureId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

export type Gender =
  | 'BOY'
  | 'GIRL';

/** Foranstaltning decided by the municipality. */
export type Measure = {
  __typename?: 'Measure';
  caseId: Scalars['ID']['output'];
  decidedAt: Scalars['DateTime']['output'];
  endedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: MeasureKind;
  /** Step on the intervention ladder, 1 (preventive) to 7 (residential care). */
  ladderStep: Scalars['Int']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Increases on every change: send it back to update (optimistic concurrency). */
  version: Scalars['Int']['output'];
};

/** The intervention ladder (indsatstrappe), lowest step first: see Measure.ladderStep. */
export type MeasureKind =
  | 'CONTACT_PERSON'
  | 'FAMILY_TREATMENT'
  | 'FOSTER_CARE'
  | 'KINSHIP_CARE'
  | 'PREVENTIVE_MEASURE'
  | 'RESIDENTIAL_CARE'
  | 'SAFETY_PLAN';

export type Mutation = {
  __typename?: 'Mutation';
  addCustodyHolder: CustodyHolder;
  assessNotification: Notification;
  /** Makes a caseworker current and closes the previous assignment at the same moment. */
  assignCaseworker: CaseworkerAssignment;
  completeChildAssessment: ChildAssessment;
  decideChildAssessment: ChildAssessment;
  decideMeasure: Measure;
  endMeasure: Measure;
  recordNotification: Notification;
  recordVideoInterviewObjection: CustodyHolder;
  /** Starts a børnehus case: the referral gets a new caseId, under which the børnehus registers the course. */
  referToBoernehus: Referral;
  registerChild: Child;
  respondToRecommendation: RecommendationResponse;
  startMeasure: Measure;
};


export type MutationAddCustodyHolderArgs = {
  input: AddCustodyHolderInput;
};


export type MutationAssessNotificationArgs = {
  input: AssessNotificationInput;
};


export type MutationAssignCaseworkerArgs = {
  input: AssignCaseworkerInput;
};


export type MutationCompleteChildAssessmentArgs = {
  input: CompleteChildAssessmentInput;
};


export type MutationDecideChildAssessmentArgs = {
  input: DecideChildAssessmentInput;
};


export type MutationDecideMeasureArgs = {
  input: DecideMeasureInput;
};


export type MutationEndMeasureArgs = {
  input: EndMeasureInput;
};


export type MutationRecordNotificationArgs = {
  input: RecordNotificationInput;
};


export type MutationRecordVideoInterviewObjectionArgs = {
  input: RecordVideoInterviewObjectionInput;
};


export type MutationReferToBoernehusArgs = {
  input: ReferToBoernehusInput;
};


export type MutationRegisterChildArgs = {
  input: RegisterChildInput;
};


export type MutationRespondToRecommendationArgs = {
  input: RespondToRecommendationInput;
};


export type MutationStartMeasureArgs = {
  input: StartMeasureInput;
};

/** Underretning: a report of concern, to be assessed within 24 hours. */
export type Notification = {
  __typename?: 'Notification';
  assessedAt: Maybe<Scalars['DateTime']['output']>;
  /** receivedAt + 24 hours. */
  assessmentDueAt: Scalars['DateTime']['output'];
  concern: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  receivedAt: Scalars['DateTime']['output'];
  source: NotificationSource;
};

/** Who sent the notification (underretning). */
export type NotificationSource =
  | 'ANONYMOUS'
  | 'DAYCARE'
  | 'FAMILY'
  | 'HEALTH_CARE'
  | 'OTHER'
  | 'POLICE'
  | 'SCHOOL';

export type Query = {
  __typename?: 'Query';
  child: Maybe<Child>;
  referral: Maybe<Referral>;
  /** The municipality's referrals, newest first. Municipalities see their own; a børnehus those referred to its region. */
  referralsForMunicipality: Array<Referral>;
};


export type QueryChildArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReferralArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReferralsForMunicipalityArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityCode: Scalars['String']['input'];
};

/** A recommendation of the final note, owned by the børnehus subgraph. The municipality adds its response. */
export type Recommendation = {
  __typename?: 'Recommendation';
  id: Scalars['ID']['output'];
  /** Null until the municipality has responded. */
  response: Maybe<RecommendationResponse>;
};

export type RecommendationResponse = {
  __typename?: 'RecommendationResponse';
  /** Why the recommendation was not followed (response DECLINED). */
  declineReason: Maybe<DeclineReason>;
  id: Scalars['ID']['output'];
  /** The measure that follows the recommendation (response MEASURE). */
  measure: Maybe<Measure>;
  note: Maybe<Scalars['String']['output']>;
  /** The other support given instead (response OTHER_SUPPORT). */
  otherSupport: Maybe<Scalars['String']['output']>;
  recommendationId: Scalars['ID']['output'];
  respondedAt: Scalars['DateTime']['output'];
  respondedByName: Scalars['String']['output'];
  response: ResponseKind;
};

export type RecordNotificationInput = {
  childId: Scalars['ID']['input'];
  concern: Scalars['String']['input'];
  receivedAt: Scalars['DateTime']['input'];
  source: NotificationSource;
};

export type RecordVideoInterviewObjectionInput = {
  custodyHolderId: Scalars['ID']['input'];
  objects: Scalars['Boolean']['input'];
};

export type ReferToBoernehusInput = {
  abuseTypes: Array<AbuseType>;
  boernehusRegion: Region;
  /** Criterion 2: a child assessment (BFU) has been decided (record it with decideChildAssessment). */
  childAssessmentDecided: Scalars['Boolean']['input'];
  childId: Scalars['ID']['input'];
  /** Criterion 3: another sector (police, health care) is involved. */
  otherSectorInvolved: Scalars['Boolean']['input'];
  /** The municipality's decision to report to the police. */
  policeReportFiled: Scalars['Boolean']['input'];
  referredAt: Scalars['DateTime']['input'];
  /** Criterion 1: suspicion or knowledge of violence or sexual abuse. */
  suspicionOrKnowledge: Scalars['Boolean']['input'];
};

/** The municipality's referral to the børnehus (opstartsskema). */
export type Referral = {
  __typename?: 'Referral';
  abuseTypes: Array<AbuseType>;
  boernehusRegion: Region;
  /** The BoernehusCase this referral started. */
  caseId: Scalars['ID']['output'];
  child: Child;
  childAssessmentDecided: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The referring municipality. */
  municipalityCode: Scalars['String']['output'];
  otherSectorInvolved: Scalars['Boolean']['output'];
  /** The municipality's decision to report to the police. */
  policeReportFiled: Scalars['Boolean']['output'];
  referredAt: Scalars['DateTime']['output'];
  suspicionOrKnowledge: Scalars['Boolean']['output'];
};

export type Region =
  | 'HOVEDSTADEN'
  | 'MIDTJYLLAND'
  | 'NORDJYLLAND'
  | 'SJAELLAND'
  | 'SYDDANMARK';

export type RegisterChildInput = {
  birthDate: Scalars['Date']['input'];
  /** DDMMYY-SSSS or 10 digits; must agree with birthDate. */
  cpr: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  gender: Gender;
  lastName: Scalars['String']['input'];
  municipalityCode: Scalars['String']['input'];
};

export type RespondToRecommendationInput = {
  caseId: Scalars['ID']['input'];
  /** Required for DECLINED. */
  declineReason?: InputMaybe<DeclineReason>;
  /** Required for MEASURE: a measure of the same case. */
  measureId?: InputMaybe<Scalars['ID']['input']>;
  /** Required when declineReason is OTHER. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Required for OTHER_SUPPORT. */
  otherSupport?: InputMaybe<Scalars['String']['input']>;
  recommendationId: Scalars['ID']['input'];
  response: ResponseKind;
};

/** How the municipality answered a recommendation: followed with a measure, other support, or declined. */
export type ResponseKind =
  | 'DECLINED'
  | 'MEASURE'
  | 'OTHER_SUPPORT';

export type StartMeasureInput = {
  measureId: Scalars['ID']['input'];
  startedAt: Scalars['DateTime']['input'];
  version: Scalars['Int']['input'];
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
  AbuseType: AbuseType;
  AddCustodyHolderInput: AddCustodyHolderInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AssessNotificationInput: AssessNotificationInput;
  AssignCaseworkerInput: AssignCaseworkerInput;
  BoernehusCase: ResolverTypeWrapper<CaseRef>;
  CaseworkerAssignment: ResolverTypeWrapper<CaseworkerAssignmentRow>;
  Child: ResolverTypeWrapper<ChildRow>;
  ChildAssessment: ResolverTypeWrapper<ChildAssessmentRow>;
  ChildAssessmentStatus: ChildAssessmentStatus;
  CompleteChildAssessmentInput: CompleteChildAssessmentInput;
  CustodyHolder: ResolverTypeWrapper<CustodyHolderRow>;
  CustodyRelation: CustodyRelation;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecideChildAssessmentInput: DecideChildAssessmentInput;
  DecideMeasureInput: DecideMeasureInput;
  DeclineReason: DeclineReason;
  EndMeasureInput: EndMeasureInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Gender: Gender;
  Measure: ResolverTypeWrapper<MeasureRow>;
  MeasureKind: MeasureKind;
  Mutation: ResolverTypeWrapper<{}>;
  Notification: ResolverTypeWrapper<NotificationRow>;
  NotificationSource: NotificationSource;
  Query: ResolverTypeWrapper<{}>;
  Recommendation: ResolverTypeWrapper<RecommendationRef>;
  RecommendationResponse: ResolverTypeWrapper<RecommendationResponseRow>;
  RecordNotificationInput: RecordNotificationInput;
  RecordVideoInterviewObjectionInput: RecordVideoInterviewObjectionInput;
  ReferToBoernehusInput: ReferToBoernehusInput;
  Referral: ResolverTypeWrapper<ReferralRow>;
  Region: Region;
  RegisterChildInput: RegisterChildInput;
  RespondToRecommendationInput: RespondToRecommendationInput;
  ResponseKind: ResponseKind;
  StartMeasureInput: StartMeasureInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AddCustodyHolderInput: AddCustodyHolderInput;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  AssessNotificationInput: AssessNotificationInput;
  AssignCaseworkerInput: AssignCaseworkerInput;
  BoernehusCase: CaseRef;
  CaseworkerAssignment: CaseworkerAssignmentRow;
  Child: ChildRow;
  ChildAssessment: ChildAssessmentRow;
  CompleteChildAssessmentInput: CompleteChildAssessmentInput;
  CustodyHolder: CustodyHolderRow;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DecideChildAssessmentInput: DecideChildAssessmentInput;
  DecideMeasureInput: DecideMeasureInput;
  EndMeasureInput: EndMeasureInput;
  Int: Scalars['Int']['output'];
  Measure: MeasureRow;
  Mutation: {};
  Notification: NotificationRow;
  Query: {};
  Recommendation: RecommendationRef;
  RecommendationResponse: RecommendationResponseRow;
  RecordNotificationInput: RecordNotificationInput;
  RecordVideoInterviewObjectionInput: RecordVideoInterviewObjectionInput;
  ReferToBoernehusInput: ReferToBoernehusInput;
  Referral: ReferralRow;
  RegisterChildInput: RegisterChildInput;
  RespondToRecommendationInput: RespondToRecommendationInput;
  StartMeasureInput: StartMeasureInput;
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
  caseworker?: Resolver<Maybe<ResolversTypes['CaseworkerAssignment']>, ParentType, ContextType>;
  caseworkerHistory?: Resolver<Array<ResolversTypes['CaseworkerAssignment']>, ParentType, ContextType>;
  child?: Resolver<Maybe<ResolversTypes['Child']>, ParentType, ContextType>;
  childAssessment?: Resolver<Maybe<ResolversTypes['ChildAssessment']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['Measure']>, ParentType, ContextType>;
  recommendationResponses?: Resolver<Array<ResolversTypes['RecommendationResponse']>, ParentType, ContextType>;
  referral?: Resolver<Maybe<ResolversTypes['Referral']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CaseworkerAssignmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CaseworkerAssignment'] = ResolversParentTypes['CaseworkerAssignment']> = {
  caseworkerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  caseworkerSub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ChildResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Child'] = ResolversParentTypes['Child']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Child']>, { __typename: 'Child' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  birthDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  childAssessments?: Resolver<Array<ResolversTypes['ChildAssessment']>, ParentType, ContextType>;
  cpr?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  custodyHolders?: Resolver<Array<ResolversTypes['CustodyHolder']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gender?: Resolver<ResolversTypes['Gender'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  municipalityCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notifications?: Resolver<Array<ResolversTypes['Notification']>, ParentType, ContextType>;
  referrals?: Resolver<Array<ResolversTypes['Referral']>, ParentType, ContextType>;
  videoInterviewObjection?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ChildAssessmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChildAssessment'] = ResolversParentTypes['ChildAssessment']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChildAssessmentStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CustodyHolderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustodyHolder'] = ResolversParentTypes['CustodyHolder']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objectsToVideoInterview?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['CustodyRelation'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MeasureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Measure'] = ResolversParentTypes['Measure']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Measure']>, { __typename: 'Measure' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  decidedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MeasureKind'], ParentType, ContextType>;
  ladderStep?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addCustodyHolder?: Resolver<ResolversTypes['CustodyHolder'], ParentType, ContextType, RequireFields<MutationAddCustodyHolderArgs, 'input'>>;
  assessNotification?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationAssessNotificationArgs, 'input'>>;
  assignCaseworker?: Resolver<ResolversTypes['CaseworkerAssignment'], ParentType, ContextType, RequireFields<MutationAssignCaseworkerArgs, 'input'>>;
  completeChildAssessment?: Resolver<ResolversTypes['ChildAssessment'], ParentType, ContextType, RequireFields<MutationCompleteChildAssessmentArgs, 'input'>>;
  decideChildAssessment?: Resolver<ResolversTypes['ChildAssessment'], ParentType, ContextType, RequireFields<MutationDecideChildAssessmentArgs, 'input'>>;
  decideMeasure?: Resolver<ResolversTypes['Measure'], ParentType, ContextType, RequireFields<MutationDecideMeasureArgs, 'input'>>;
  endMeasure?: Resolver<ResolversTypes['Measure'], ParentType, ContextType, RequireFields<MutationEndMeasureArgs, 'input'>>;
  recordNotification?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationRecordNotificationArgs, 'input'>>;
  recordVideoInterviewObjection?: Resolver<ResolversTypes['CustodyHolder'], ParentType, ContextType, RequireFields<MutationRecordVideoInterviewObjectionArgs, 'input'>>;
  referToBoernehus?: Resolver<ResolversTypes['Referral'], ParentType, ContextType, RequireFields<MutationReferToBoernehusArgs, 'input'>>;
  registerChild?: Resolver<ResolversTypes['Child'], ParentType, ContextType, RequireFields<MutationRegisterChildArgs, 'input'>>;
  respondToRecommendation?: Resolver<ResolversTypes['RecommendationResponse'], ParentType, ContextType, RequireFields<MutationRespondToRecommendationArgs, 'input'>>;
  startMeasure?: Resolver<ResolversTypes['Measure'], ParentType, ContextType, RequireFields<MutationStartMeasureArgs, 'input'>>;
};

export type NotificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  assessedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  assessmentDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  concern?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['NotificationSource'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  child?: Resolver<Maybe<ResolversTypes['Child']>, ParentType, ContextType, RequireFields<QueryChildArgs, 'id'>>;
  referral?: Resolver<Maybe<ResolversTypes['Referral']>, ParentType, ContextType, RequireFields<QueryReferralArgs, 'id'>>;
  referralsForMunicipality?: Resolver<Array<ResolversTypes['Referral']>, ParentType, ContextType, RequireFields<QueryReferralsForMunicipalityArgs, 'first' | 'municipalityCode'>>;
};

export type RecommendationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Recommendation'] = ResolversParentTypes['Recommendation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Recommendation']>, { __typename: 'Recommendation' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['RecommendationResponse']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RecommendationResponseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecommendationResponse'] = ResolversParentTypes['RecommendationResponse']> = {
  declineReason?: Resolver<Maybe<ResolversTypes['DeclineReason']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measure?: Resolver<Maybe<ResolversTypes['Measure']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  otherSupport?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recommendationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  respondedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  respondedByName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  response?: Resolver<ResolversTypes['ResponseKind'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReferralResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Referral'] = ResolversParentTypes['Referral']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Referral']>, { __typename: 'Referral' } & GraphQLRecursivePick<ParentType, {"id":true}>, ContextType>;
  abuseTypes?: Resolver<Array<ResolversTypes['AbuseType']>, ParentType, ContextType>;
  boernehusRegion?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  child?: Resolver<ResolversTypes['Child'], ParentType, ContextType>;
  childAssessmentDecided?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  municipalityCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  otherSectorInvolved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  policeReportFiled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  referredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  suspicionOrKnowledge?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  BoernehusCase?: BoernehusCaseResolvers<ContextType>;
  CaseworkerAssignment?: CaseworkerAssignmentResolvers<ContextType>;
  Child?: ChildResolvers<ContextType>;
  ChildAssessment?: ChildAssessmentResolvers<ContextType>;
  CustodyHolder?: CustodyHolderResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Measure?: MeasureResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Recommendation?: RecommendationResolvers<ContextType>;
  RecommendationResponse?: RecommendationResponseResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  interfaceObject?: InterfaceObjectDirectiveResolver<any, any, ContextType>;
  policy?: PolicyDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
